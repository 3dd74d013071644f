package dev.gosetup.install;

import dev.gosetup.release.ArchiveName;
import dev.gosetup.release.GoVersion;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The install root, compatible with golang.org/dl: {@code ROOT/go1.22.5} with an empty
 * {@code .unpacked-success} marker, and {@code ROOT/go}, a link to the active version. Hidden
 * {@code .staging-*} folders hold unfinished installs; {@code .gosetup.lock} keeps installs apart.
 */
public final class SdkRoot {
    public static final String MARKER = ".unpacked-success";
    public static final String ACTIVE_LINK = "go";
    private static final String STAGING_PREFIX = ".staging-";
    private static final String TRASH_PREFIX = ".trash-";

    private final Path root;
    private final ActiveLink link;

    public SdkRoot(Path root) {
        this(root, ActiveLink.forThisOs());
    }

    public SdkRoot(Path root, ActiveLink link) {
        this.root = root.toAbsolutePath().normalize();
        this.link = link;
    }

    /** {@code ~/sdk} ({@code %USERPROFILE%\sdk} on Windows), where golang.org/dl installs. */
    public static SdkRoot inHome(Path home) {
        return new SdkRoot(home.resolve("sdk"));
    }

    public Path path() {
        return root;
    }

    public Path versionDir(GoVersion v) {
        return root.resolve(v.name());
    }

    public Path downloads() {
        return root.resolve(".downloads");
    }

    /** Where the download of {@code name} is kept until it is installed: directly in {@link #downloads()}. */
    public Path partialPath(ArchiveName name) {
        Path partial = downloads().resolve(name.name() + ".partial");
        if (!downloads().equals(partial.getParent())) {
            throw new IllegalStateException(partial + " is not directly in " + downloads());
        }
        return partial;
    }

    /**
     * {@link #partialPath}, with the download folder made if needed. A link (or anything but a folder)
     * there is refused: it would put the downloads, and their deletion, somewhere else.
     */
    Path partialDownload(ArchiveName name) throws IOException {
        Path folder = downloads();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(root);
            try {
                Files.createDirectory(folder);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // said below
            }
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(folder + " is not a folder (a link or a file is there). Remove it; it is made again.");
        }
        return partialPath(name);
    }

    public boolean isInstalled(GoVersion v) {
        return Files.isRegularFile(versionDir(v).resolve(MARKER));
    }

    /** Versions with their success marker, newest first. */
    public List<GoVersion> installed() throws IOException {
        List<GoVersion> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root, "go*")) {
            for (Path d : dirs) {
                GoVersion.parse(d.getFileName().toString()).filter(v -> isInstalled(v)).ifPresent(out::add);
            }
        }
        out.sort(java.util.Comparator.reverseOrder());
        return out;
    }

    /** The version the {@code go} link points at. */
    public Optional<GoVersion> active() {
        return link.target(root.resolve(ACTIVE_LINK)).flatMap(GoVersion::parse);
    }

    /** Switches {@code ROOT/go} to a version atomically: a new link is made beside it and renamed over it. */
    public void activate(GoVersion v) throws IOException {
        if (!isInstalled(v)) {
            throw new IOException(v.name() + " is not installed in " + root + ".");
        }
        Path active = root.resolve(ACTIVE_LINK);
        if (Files.exists(active, LinkOption.NOFOLLOW_LINKS) && !link.isLink(active)) {
            throw new IOException(active + " is a real folder, not the link Go Setup Assistant manages. Move it away first.");
        }
        link.point(active, v.name());
    }

    /** Removes an installed version; never the active one. */
    public void remove(GoVersion v) throws IOException {
        if (active().map(a -> a.sameAs(v)).orElse(false)) {
            throw new IOException(v.name() + " is the active version. Make another one active first (gosetup use VERSION).");
        }
        Path dir = versionDir(v);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(v.name() + " is not installed in " + root + ".");
        }
        // Rename first: the version disappears at once, even if deleting its 12,000 files is interrupted.
        Path trash = root.resolve(TRASH_PREFIX + v.name() + "-" + UUID.randomUUID());
        Files.move(dir, trash, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(trash);
    }

    /** A new hidden staging folder for one install. */
    Path newStaging(GoVersion v) throws IOException {
        Files.createDirectories(root);
        return Files.createDirectory(root.resolve(STAGING_PREFIX + v.name() + "-" + UUID.randomUUID()));
    }

    /** Makes a finished staging folder the version: the marker last, then one atomic rename. */
    Path commit(Path staging, GoVersion v) throws IOException {
        Files.createFile(staging.resolve(MARKER));
        Path target = versionDir(v);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            // A folder without the marker is a broken earlier install (not ours to trust): replace it.
            if (isInstalled(v)) {
                throw new IOException(target + " already exists.");
            }
            Path trash = root.resolve(TRASH_PREFIX + v.name() + "-" + UUID.randomUUID());
            Files.move(target, trash, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(trash);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("Cannot rename within " + root + " atomically; choose an install root on one local disk.", e);
        }
        return target;
    }

    /** Staging and trash left by a crash or kill: safe to delete while we hold the lock. */
    int cleanLeftovers() throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int n = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, p -> {
            String name = p.getFileName().toString();
            return name.startsWith(STAGING_PREFIX) || name.startsWith(TRASH_PREFIX) || name.startsWith(".go-link-");
        })) {
            for (Path p : entries) {
                if (p.getFileName().toString().startsWith(".go-link-")) {
                    Files.deleteIfExists(p); // a link (or junction) left by a crash: the link only, never its target
                } else {
                    deleteTree(p);
                }
                n++;
            }
        }
        return n;
    }

    /** Holds the install lock; another process gets an answer at once instead of a race. */
    public Lock lock() throws IOException {
        Files.createDirectories(root);
        FileChannel channel = FileChannel.open(root.resolve(".gosetup.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new InstallBusyException("Another install into " + root + " is running. Wait for it to finish, then try again.");
        }
        return new Lock(channel, lock);
    }

    public record Lock(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            lock.release();
            channel.close();
        }
    }

    /** Another install holds the lock. */
    public static final class InstallBusyException extends IOException {
        InstallBusyException(String message) {
            super(message);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
