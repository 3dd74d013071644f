package dev.gosetup.host.snapshot;

import dev.gosetup.host.HostSource;
import dev.gosetup.host.SnapshotException;
import dev.gosetup.host.SysctlValue;
import dev.gosetup.host.Uname;
import dev.gosetup.i18n.ByteSize;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.Problems;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A support report folder (see {@link SnapshotLayout}) read as if it were the machine. Any part may be
 * missing; a part that is there must be usable text, or the error names the file and what is wrong.
 */
public final class SnapshotHostSource implements HostSource {
    static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    private final Path dir;
    private final Properties system;
    private final Properties env;
    private final Properties windows;
    private final Map<String, SysctlValue> sysctl;
    private final Optional<Uname> uname;

    public SnapshotHostSource(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SnapshotException(Problem.of("snapshot.noFolder", dir));
        }
        this.dir = dir;
        this.system = properties(SnapshotLayout.SYSTEM_PROPERTIES);
        this.env = properties(SnapshotLayout.ENV_PROPERTIES);
        this.windows = properties(SnapshotLayout.WINDOWS_PROPERTIES);
        this.sysctl = text(dir.resolve(SnapshotLayout.SYSCTL), SnapshotLayout.SYSCTL).map(SysctlText::parse).orElse(Map.of());
        this.uname = text(dir.resolve(SnapshotLayout.UNAME), SnapshotLayout.UNAME).map(t -> Uname.parseUnameA(t)
                .orElseThrow(() -> new SnapshotException(Problem.of("snapshot.notUname", SnapshotLayout.UNAME, dir))));
    }

    private Properties properties(String name) {
        Properties p = new Properties();
        text(dir.resolve(name), name).ifPresent(t -> {
            try {
                p.load(new StringReader(t));
            } catch (IOException | IllegalArgumentException e) {
                throw new SnapshotException(Problem.of("snapshot.notProperties", name, dir, String.valueOf(e.getMessage())), e);
            }
        });
        return p;
    }

    /** A snapshot file as text, refusing what cannot be one: too large, binary, not UTF-8. */
    private Optional<String> text(Path file, String shownName) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            throw new SnapshotException(Problem.of("snapshot.notFile", shownName, dir));
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new SnapshotException(Problem.of("snapshot.tooLarge", shownName, dir, new ByteSize(size),
                        new ByteSize(MAX_FILE_BYTES)));
            }
            byte[] bytes = Files.readAllBytes(file);
            boolean nulAllowed = shownName.contains("devicetree") || shownName.contains("device-tree");
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] == 0 && !nulAllowed) {
                    throw new SnapshotException(Problem.of("snapshot.binary", shownName, dir, i));
                }
            }
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw new SnapshotException(Problem.of("snapshot.notUtf8", shownName, dir), e);
        } catch (IOException e) {
            throw new SnapshotException(Problem.of("snapshot.unreadable", shownName, dir, Problems.of(e)), e);
        }
    }

    @Override
    public Optional<String> systemProperty(String name) {
        return Optional.ofNullable(system.getProperty(name));
    }

    @Override
    public Optional<String> env(String name) {
        return Optional.ofNullable(env.getProperty(name));
    }

    @Override
    public Optional<String> file(String absolutePath) {
        Path file = rootPath(absolutePath);
        return file == null ? Optional.empty() : text(file, SnapshotLayout.ROOT + absolutePath);
    }

    @Override
    public boolean exists(String absolutePath) {
        Path file = rootPath(absolutePath);
        return file != null && Files.exists(file);
    }

    /** The snapshot's copy of a host path, never outside DIR/root. */
    private Path rootPath(String absolutePath) {
        Path root = dir.resolve(SnapshotLayout.ROOT).normalize();
        Path file = root.resolve(absolutePath.replaceFirst("^/+", "")).normalize();
        return file.startsWith(root) ? file : null;
    }

    @Override
    public SysctlValue sysctl(String name) {
        return sysctl.getOrDefault(name, SysctlValue.notCaptured());
    }

    @Override
    public Optional<String> windows(String key) {
        return Optional.ofNullable(windows.getProperty(key));
    }

    @Override
    public Optional<Uname> uname() {
        return uname;
    }

    @Override
    public String origin() {
        return dir.toString();
    }

    /** sysctl.txt: "name: value" lines as sysctl(8) prints them, and its "unknown oid" complaints. */
    static final class SysctlText {
        private SysctlText() {}

        static Map<String, SysctlValue> parse(String text) {
            Map<String, SysctlValue> values = new HashMap<>();
            for (String raw : text.split("\\R")) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                java.util.regex.Matcher unknown = java.util.regex.Pattern
                        .compile("^sysctl: unknown oid '([^']+)'").matcher(line);
                if (unknown.find()) {
                    values.put(unknown.group(1), SysctlValue.unknown());
                    continue;
                }
                java.util.regex.Matcher kv = java.util.regex.Pattern
                        .compile("^([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)+)\\s*[:=]\\s?(.*)$").matcher(line);
                if (kv.find()) {
                    values.putIfAbsent(kv.group(1), SysctlValue.present(kv.group(2).strip()));
                }
            }
            return values;
        }
    }
}
