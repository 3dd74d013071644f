package dev.gosetup.install;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deletes a folder tree, the files on several threads (as {@link FileWriters} creates them): a Go tree is 11,800
 * unlinks, each a system call that the kernel works through in the calling thread. One thread walks the tree and
 * hands over the files in batches; the folders are removed afterwards, deepest first, once their files are gone.
 * Links are never followed: the walk reports a link as a file, and the link itself is removed, not its target.
 */
final class TreeRemover {
    private static final int BATCH = 256;

    private TreeRemover() {}

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(FileWriters.THREADS,
                r -> Thread.ofPlatform().name("gosetup-delete-" + n.incrementAndGet()).daemon().unstarted(r));
        List<Future<?>> batches = new ArrayList<>();
        List<Path> folders = new ArrayList<>(); // post-order: every folder after everything in it
        try {
            @SuppressWarnings("unchecked")
            List<Path>[] batch = new List[] {new ArrayList<Path>()};
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    batch[0].add(file);
                    if (batch[0].size() == BATCH) {
                        batches.add(pool.submit(unlink(batch[0])));
                        batch[0] = new ArrayList<>();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    if (exc != null) {
                        throw exc;
                    }
                    folders.add(d);
                    return FileVisitResult.CONTINUE;
                }
            });
            batches.add(pool.submit(unlink(batch[0])));
            for (Future<?> f : batches) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
            awaitTermination(pool); // no unlink may still run once this returns (a failed walk too)
        }
        for (Path d : folders) {
            Files.delete(d);
        }
    }

    private static java.util.concurrent.Callable<Void> unlink(List<Path> files) {
        return () -> {
            for (Path f : files) {
                Files.delete(f);
            }
            return null;
        };
    }

    private static void awaitTermination(ExecutorService pool) throws InterruptedIOException {
        try {
            while (!pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)) {
                // an unlink stuck in the kernel (a hung network file system): keep waiting
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        }
    }

    private static void await(Future<?> f) throws IOException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }
}
