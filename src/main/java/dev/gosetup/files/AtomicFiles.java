package dev.gosetup.files;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import dev.gosetup.i18n.Problems;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Replaces a file so that a reader, a crash or a full disk sees either the old content or the new, never
 * a mix: write a temporary file in the same folder, fsync it, rename it over the target, fsync the folder.
 * Settings, the release-list cache and users' startup files all go through here.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** Writes {@code bytes} to {@code target}; new files get the default permissions. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, null);
    }

    /**
     * @param permissions the POSIX permissions the file must have (a user's 0600 .bashrc stays 0600), or null
     *                    for the defaults; ignored where the file system has none
     */
    public static void write(Path target, byte[] bytes, Set<PosixFilePermission> permissions) throws IOException {
        write(target, bytes, permissions, FileOwner.of(target.toAbsolutePath().getParent()));
    }

    /**
     * @param owner whose a new file (and the folders made for it) becomes; an existing file keeps its owner,
     *              group and mode exactly, set on the new content before it replaces the old
     */
    public static void write(Path target, byte[] bytes, Set<PosixFilePermission> permissions, FileOwner owner) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        owner.createDirectories(dir);
        removeStaleTemporaries(dir, target.getFileName().toString());
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".gosetup-tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                // Owner and mode before the rename: the file is never visible as root's, or with a temporary's 0600.
                if (Files.exists(target)) {
                    FileOwner.copy(target, tmp);
                } else {
                    owner.claim(tmp);
                }
                if (permissions != null) {
                    PosixFileAttributeView posix = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
                    if (posix != null) {
                        posix.setPermissions(permissions);
                    }
                }
                ch.force(true); // on disk before the rename makes it visible: a crash never leaves an empty file
            } catch (IOException e) {
                // typically a full disk or a quota: say so, and that the file itself was not touched
                throw new ProblemException(Problem.of("file.writeFailed", target, Problems.of(e)), e);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A process killed between writing its temporary file and renaming it leaves that file behind; the
     * next write removes it. Only ones older than a minute: a temporary that young may be another
     * process's write in progress.
     */
    private static void removeStaleTemporaries(Path dir, String name) {
        long cutoff = System.currentTimeMillis() - 60_000;
        try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(dir,
                p -> p.getFileName().toString().startsWith("." + name) && p.getFileName().toString().endsWith(".gosetup-tmp"))) {
            for (Path p : s) {
                if (Files.getLastModifiedTime(p).toMillis() < cutoff) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // leftovers cost only space
        }
    }

    /** Makes the rename itself durable (POSIX). Windows cannot open a folder this way; NTFS journals the rename. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // best effort: the data itself is already on disk
        }
    }
}
