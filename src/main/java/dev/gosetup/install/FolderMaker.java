package dev.gosetup.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Creates each folder of one unpack once. A Go tree writes 12,000 files into 1,500 folders; asking the file
 * system for the parent of every file again costs a stat per path element. One instance per unpack.
 */
final class FolderMaker {
    private final Set<Path> made = new HashSet<>();

    void make(Path dir) throws IOException {
        if (made.add(dir)) {
            Files.createDirectories(dir);
        }
    }
}
