package dev.gosetup.host.snapshot;

import dev.gosetup.host.SnapshotException;
import dev.gosetup.host.SysctlValue;
import dev.gosetup.i18n.Problem;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/** Writes what a {@link RecordingHostSource} saw as a support report folder ({@link SnapshotLayout}). */
public final class SnapshotWriter {

    /**
     * @throws SnapshotException when the folder exists and is not empty (a report never mixes with other files)
     */
    public void write(RecordingHostSource recorded, Path dir) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new SnapshotException(Problem.of("snapshot.out.isFile", dir));
            }
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new SnapshotException(Problem.of("snapshot.out.notEmpty", dir));
                }
            }
        }
        Files.createDirectories(dir);
        synchronized (recorded) {
            writeProperties(dir.resolve(SnapshotLayout.SYSTEM_PROPERTIES), recorded.systemProperties,
                    "Java system properties as Go Setup Assistant saw them");
            writeProperties(dir.resolve(SnapshotLayout.ENV_PROPERTIES), recorded.env,
                    "The environment variables host detection reads (only those)");
            writeProperties(dir.resolve(SnapshotLayout.WINDOWS_PROPERTIES), recorded.windows,
                    "IsWow64Process2 machines (hex) and HKLM CurrentVersion values");
            if (!recorded.sysctl.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                recorded.sysctl.forEach((name, value) -> sb.append(switch (value) {
                    case SysctlValue.Present p -> name + ": " + p.value();
                    default -> "sysctl: unknown oid '" + name + "'";
                }).append('\n'));
                Files.writeString(dir.resolve(SnapshotLayout.SYSCTL), sb, StandardCharsets.UTF_8);
            }
            if (recorded.uname != null) {
                Files.writeString(dir.resolve(SnapshotLayout.UNAME), recorded.uname.toUnameA() + "\n", StandardCharsets.UTF_8);
            }
            for (Map.Entry<String, String> e : recorded.files.entrySet()) {
                Path target = rootFile(dir, e.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
            }
            for (String path : recorded.existing.keySet()) {
                Path target = rootFile(dir, path);
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    Files.createFile(target); // a marker such as /.dockerenv: its existence is the fact
                }
            }
        }
    }

    private static Path rootFile(Path dir, String absolutePath) {
        return dir.resolve(SnapshotLayout.ROOT).resolve(absolutePath.replaceFirst("^/+", ""));
    }

    private static void writeProperties(Path file, Map<String, String> values, String comment) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        Properties p = new Properties();
        p.putAll(values);
        StringWriter w = new StringWriter();
        p.store(w, comment);
        Files.writeString(file, w.toString(), StandardCharsets.UTF_8);
    }
}
