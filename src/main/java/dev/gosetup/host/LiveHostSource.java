package dev.gosetup.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * This machine, read in-process: system properties, environment, files, and JNA calls (the OS's
 * {@link NativeCalls}, which dev.gosetup.host.live.ThisMachine chooses).
 */
public final class LiveHostSource implements HostSource {
    /** /proc files report size 0, so reads are bounded by count, not by the file's size. */
    static final int MAX_FILE_BYTES = 8 * 1024 * 1024;

    private final NativeCalls natives;

    public LiveHostSource(NativeCalls natives) {
        this.natives = natives;
    }

    @Override
    public Optional<String> systemProperty(String name) {
        return Optional.ofNullable(System.getProperty(name));
    }

    @Override
    public Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name));
    }

    @Override
    public Optional<String> file(String absolutePath) {
        Path path = Path.of(absolutePath);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES);
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return Optional.empty(); // unreadable (e.g. product_uuid needs root): the same as not there
        }
    }

    @Override
    public boolean exists(String absolutePath) {
        return Files.exists(Path.of(absolutePath));
    }

    @Override
    public SysctlValue sysctl(String name) {
        return natives.sysctl(name);
    }

    @Override
    public Optional<String> windows(String key) {
        return natives.windows(key);
    }

    @Override
    public Optional<Uname> uname() {
        return natives.uname();
    }

    @Override
    public String origin() {
        return "this computer";
    }
}
