package dev.gosetup.inventory;

import dev.gosetup.install.BinaryPlatform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads what a Go root is without running it: VERSION's first line (a few bytes) and bin/go's header
 * (4 KiB). Listing 30 installs costs 60 small reads, not 30 processes.
 */
final class InstallReader {
    private InstallReader() {}

    static Path binary(Path root) {
        Path go = root.resolve("bin/go");
        Path exe = root.resolve("bin/go.exe");
        return Files.exists(exe) && !Files.exists(go) ? exe : go;
    }

    static GoInstall read(Path root, Source source) {
        String version = version(root);
        Path go = binary(root);
        if (!Files.isRegularFile(go)) {
            return new GoInstall(root, version, List.of(), source, "no bin/go");
        }
        if (source == Source.SDK && !Files.exists(root.resolve(".unpacked-success"))) {
            // Both golang.org/dl and Go Setup Assistant write the marker last: without it the unpacking never finished.
            return new GoInstall(root, version, List.of(), source, "unfinished (no .unpacked-success)");
        }
        try {
            return new GoInstall(root, version, BinaryPlatform.of(go), source, null);
        } catch (IOException e) {
            return new GoInstall(root, version, List.of(), source, Files.isReadable(go) ? "bin/go is not a program" : "bin/go is unreadable");
        }
    }

    /** VERSION's first line: "go1.22.5" (Go 1.21+ add a "time …" line below it); null when missing. */
    static String version(Path root) {
        Path file = root.resolve("VERSION");
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(256), StandardCharsets.UTF_8);
            String first = head.lines().findFirst().orElse("").strip();
            return first.isEmpty() ? null : first;
        } catch (IOException e) {
            return null;
        }
    }
}
