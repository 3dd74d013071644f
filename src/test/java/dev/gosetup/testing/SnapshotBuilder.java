package dev.gosetup.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Assembles a support-report folder the way a person would by hand from captures. */
public final class SnapshotBuilder {
    private final Map<String, String> system = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> windows = new LinkedHashMap<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private String sysctl;
    private String uname;

    public static SnapshotBuilder linux(String osArch) {
        return new SnapshotBuilder().system("os.name", "Linux").system("os.arch", osArch);
    }

    public static SnapshotBuilder mac(String osArch) {
        return new SnapshotBuilder().system("os.name", "Mac OS X").system("os.arch", osArch);
    }

    public static SnapshotBuilder windows(String osArch) {
        return new SnapshotBuilder().system("os.name", "Windows 11").system("os.arch", osArch);
    }

    public SnapshotBuilder system(String key, String value) {
        system.put(key, value);
        return this;
    }

    public SnapshotBuilder env(String key, String value) {
        env.put(key, value);
        return this;
    }

    public SnapshotBuilder windowsValue(String key, String value) {
        windows.put(key, value);
        return this;
    }

    public SnapshotBuilder sysctl(String text) {
        sysctl = text;
        return this;
    }

    public SnapshotBuilder uname(String line) {
        uname = line;
        return this;
    }

    public SnapshotBuilder file(String absolutePath, String content) {
        return file(absolutePath, content.getBytes(StandardCharsets.UTF_8));
    }

    public SnapshotBuilder file(String absolutePath, byte[] content) {
        files.put(absolutePath, content);
        return this;
    }

    public Path writeTo(Path dir) {
        try {
            Files.createDirectories(dir);
            properties(dir.resolve("system.properties"), system);
            properties(dir.resolve("env.properties"), env);
            properties(dir.resolve("windows.properties"), windows);
            if (sysctl != null) {
                Files.writeString(dir.resolve("sysctl.txt"), sysctl);
            }
            if (uname != null) {
                Files.writeString(dir.resolve("uname.txt"), uname + "\n");
            }
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path target = dir.resolve("root").resolve(e.getKey().replaceFirst("^/+", ""));
                Files.createDirectories(target.getParent());
                Files.write(target, e.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void properties(Path file, Map<String, String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(file, sb);
    }
}
