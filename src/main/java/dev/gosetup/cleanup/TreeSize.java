package dev.gosetup.cleanup;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;

/**
 * The bytes a folder's files take, counted as {@code du -sb} counts files (apparent sizes of regular files and
 * of links themselves), never following a link (a module cache's replace directive, a link to / would count
 * the world), and bounded: past {@link #MAX_ENTRIES} entries the count stops and says it is a lower bound.
 */
public final class TreeSize {
    /** A module cache of a large monorepo has a few hundred thousand files; a million is past any real one. */
    static final long MAX_ENTRIES = 2_000_000;

    private TreeSize() {}

    /** @param complete false when the walk stopped at the bound or could not read a folder: the bytes are "at least" */
    public record Size(long bytes, long entries, boolean complete) {
        static final Size NONE = new Size(0, 0, true);
    }

    public static Size of(Path path) {
        return of(path, MAX_ENTRIES);
    }

    static Size of(Path path, long maxEntries) {
        long[] bytes = {0};
        long[] entries = {0};
        boolean[] complete = {true};
        try {
            if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return Size.NONE;
            }
            Files.walkFileTree(path, EnumSet.noneOf(java.nio.file.FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return ++entries[0] > maxEntries ? stop() : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() || attrs.isSymbolicLink()) {
                        bytes[0] += attrs.size();
                    }
                    return ++entries[0] > maxEntries ? stop() : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    complete[0] = false; // unreadable: counted as nothing, and said to be a lower bound
                    return FileVisitResult.CONTINUE;
                }

                private FileVisitResult stop() {
                    complete[0] = false;
                    return FileVisitResult.TERMINATE;
                }
            });
        } catch (IOException e) {
            complete[0] = false;
        }
        return new Size(bytes[0], Math.min(entries[0], maxEntries), complete[0]);
    }
}
