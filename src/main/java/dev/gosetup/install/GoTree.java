package dev.gosetup.install;

import dev.gosetup.release.GoVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What makes a folder a Go installation, told from two files and without running anything: VERSION's
 * first line and bin/go. A tree copied by hand or downloaded by an IDE is as installed as one of ours;
 * the {@link SdkRoot#MARKER} only says that our own unpacking finished.
 */
public final class GoTree {
    private GoTree() {}

    /** bin/go, or bin/go.exe when only that one is there. */
    public static Path binary(Path root) {
        Path go = root.resolve("bin/go");
        Path exe = root.resolve("bin/go.exe");
        return Files.exists(exe) && !Files.exists(go) ? exe : go;
    }

    /** VERSION's first line: "go1.22.5" (Go 1.21+ add a "time …" line below it); empty when missing or blank. */
    public static Optional<String> version(Path root) {
        try (InputStream in = Files.newInputStream(root.resolve("VERSION"))) {
            String first = new String(in.readNBytes(256), StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            return first.isEmpty() ? Optional.empty() : Optional.of(first);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A complete tree of {@code version}: VERSION names it and bin/go is a file. */
    public static boolean holds(Path root, GoVersion version) {
        return Files.isRegularFile(binary(root))
                && version(root).flatMap(GoVersion::parse).map(version::sameAs).orElse(false);
    }
}
