package dev.gosetup.inventory;

import dev.gosetup.install.BinaryPlatform;
import dev.gosetup.install.GoTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads what a Go root is without running it: VERSION's first line (a few bytes) and bin/go's header
 * (4 KiB). Listing 30 installs costs 60 small reads, not 30 processes.
 */
final class InstallReader {
    /** The problem of gosetup's own staging folder left by an interrupted install (the next install removes it). */
    static final String UNFINISHED = "unfinished (an interrupted install; the next install removes it)";

    private InstallReader() {}

    static Path binary(Path root) {
        return GoTree.binary(root);
    }

    /** @param unfinished true for gosetup's own staging folder: whatever it holds, it is not an install */
    static GoInstall read(Path root, Source source, boolean unfinished) {
        String version = version(root);
        if (unfinished) {
            return new GoInstall(root, version, List.of(), source, UNFINISHED);
        }
        Path go = binary(root);
        if (!Files.isRegularFile(go)) {
            return new GoInstall(root, version, List.of(), source, "no bin/go");
        }
        // No .unpacked-success check: a tree copied by hand or by an IDE is installed too; only our staging is unfinished.
        try {
            return new GoInstall(root, version, BinaryPlatform.of(go), source, null);
        } catch (IOException e) {
            return new GoInstall(root, version, List.of(), source, Files.isReadable(go) ? "bin/go is not a program" : "bin/go is unreadable");
        }
    }

    static GoInstall read(Path root, Source source) {
        return read(root, source, false);
    }

    /** VERSION's first line; null when missing. */
    static String version(Path root) {
        return GoTree.version(root).orElse(null);
    }
}
