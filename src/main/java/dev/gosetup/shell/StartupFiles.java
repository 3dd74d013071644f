package dev.gosetup.shell;

import dev.gosetup.files.AtomicFiles;
import dev.gosetup.files.FileOwner;
import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Set;

/**
 * Reads and writes users' startup files with the care their owners expect: through symlinks to the real
 * file (stow, yadm, chezmoi keep dotfiles elsewhere; replacing the link with a plain file would cut them
 * off), a timestamped backup before our first change, a temporary file, fsync and rename, the permissions
 * kept, and never over a change another program made since we read the file.
 */
public final class StartupFiles {
    static final String BACKUP_INFIX = ".gosetup-backup-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private StartupFiles() {}

    /** At most this much of a startup file is read: larger ones are reported and left alone, never read whole. */
    public static final long MAX_BYTES = 1L << 20;

    /** What stands where a startup file should be, when it is not a file we may read. */
    public enum Kind { FOLDER, FIFO, SOCKET, DEVICE, OTHER, TOO_LARGE }

    /**
     * A startup file left alone: the faces word it with the key {@code startup.unusable.KIND.detail}
     * (arguments: the file, where its link leads, its size in MB).
     *
     * @param real where a link leads; the file itself when it is none
     */
    public record Unusable(Path file, Path real, Kind kind, long size) {
        public long sizeMb() {
            return size >> 20;
        }

        /** What it is, with the advice in the same sentence: it is reported, never a reason to stop. */
        public Problem problem() {
            return Problem.of("startup.unusable." + kind.name() + ".detail", file, real, sizeMb());
        }
    }

    /** The file as read for planning: where the bytes really are, and what they were (null: no file yet). */
    public record Snapshot(Path path, Path real, byte[] content) {
        public boolean exists() {
            return content != null;
        }

        public boolean viaLink() {
            return !path.equals(real);
        }
    }

    /**
     * Resolves links and refuses what we must not write: a dangling link, a read-only file, and (as
     * {@link UnusableFileException}) anything {@link #inspect} refuses.
     */
    public static Snapshot read(Path path) throws IOException {
        Snapshot s = inspect(path);
        if (s.exists() && !Files.isWritable(s.real())) {
            throw s.viaLink() ? StartupFileException.of(path, "startup.link.readOnly", s.real())
                    : StartupFileException.of(path, "startup.readOnly");
        }
        return s;
    }

    /**
     * A small text file that is not ours — a system file (/etc/environment, /etc/paths), Go's env file, a go.mod —
     * read as {@link #inspect} reads startup files: no FIFO opened, nothing over {@link #MAX_BYTES} read. Empty when
     * missing; an IOException when it is not a regular file or too large.
     */
    public static java.util.Optional<String> text(Path file, java.nio.charset.Charset charset) throws IOException {
        byte[] content = inspect(file).content();
        return content == null ? java.util.Optional.empty() : java.util.Optional.of(new String(content, charset));
    }

    /**
     * The file as it is, for everything that reads startup files (env, doctor, their fixes): links followed to
     * the real file; a FIFO, socket, device or folder refused without being opened (opening a FIFO for reading
     * waits for a writer, for ever); a file over {@link #MAX_BYTES} refused unread. A read-only file is read.
     */
    public static Snapshot inspect(Path path) throws IOException {
        Path real = path;
        if (Files.isSymbolicLink(path)) {
            try {
                real = path.toRealPath();
            } catch (NoSuchFileException e) {
                throw StartupFileException.of(path, "startup.link.dangling", Files.readSymbolicLink(path));
            }
        }
        byte[] content = readBounded(path, real);
        if (content == null) {
            Path parent = real.toAbsolutePath().getParent();
            if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
                throw StartupFileException.of(path, "startup.parentIsFile", parent);
            }
        }
        return new Snapshot(path, real, content);
    }

    /** The bytes of a regular file of at most {@link #MAX_BYTES}, or null when there is none. */
    private static byte[] readBounded(Path path, Path real) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!a.isRegularFile()) {
            throw new UnusableFileException(new Unusable(path, real, kindOf(real, a), a.size()));
        }
        if (a.size() > MAX_BYTES) {
            throw new UnusableFileException(new Unusable(path, real, Kind.TOO_LARGE, a.size()));
        }
        // NOFOLLOW: the name checked above is the one opened. What remains is a FIFO swapped in between the two
        // calls, which only its owner can do, to their own file.
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) { // it grew since: still never read whole
                throw new UnusableFileException(new Unusable(path, real, Kind.TOO_LARGE, Math.max(a.size(), bytes.length)));
            }
            return bytes;
        }
    }

    private static Kind kindOf(Path real, BasicFileAttributes a) {
        if (a.isDirectory()) {
            return Kind.FOLDER;
        }
        try {
            int type = (Integer) Files.getAttribute(real, "unix:mode") & 0170000; // S_IFMT
            return switch (type) {
                case 0010000 -> Kind.FIFO;
                case 0140000 -> Kind.SOCKET;
                case 0020000, 0060000 -> Kind.DEVICE;
                default -> Kind.OTHER;
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException noUnixView) {
            return Kind.OTHER; // Windows: no such files in a profile folder but reparse points, which are "other"
        }
    }

    /**
     * Replaces the file's content, or deletes it when {@code next} is null. Refuses when the file no longer
     * holds what {@code before} read: another program (an editor, a dotfiles sync) changed it meanwhile.
     *
     * @return the backup made before this change, or null when there was nothing to back up or one exists
     */
    public static Path write(Snapshot before, byte[] next) throws IOException {
        return write(before, next, true, FileOwner.of(before.real().toAbsolutePath().getParent()));
    }

    /**
     * @param backUp false for a file we created ourselves: its original is "no file", which undo restores by
     *               deleting it, and a backup of it would only be left behind
     * @param owner  whose the file becomes if it is new (an existing one keeps its owner, group and mode)
     */
    public static Path write(Snapshot before, byte[] next, boolean backUp, FileOwner owner) throws IOException {
        Path real = before.real();
        byte[] now = readBounded(before.path(), real);
        if (!Arrays.equals(now, before.content())) {
            throw StartupFileException.of(before.path(), "startup.changedSinceRead");
        }
        Path backup = null;
        if (backUp && before.exists() && !hasBackup(real)) {
            backup = real.resolveSibling(real.getFileName() + BACKUP_INFIX + LocalDateTime.now().format(STAMP));
            try {
                Files.copy(real, backup, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (IOException e) {
                Files.deleteIfExists(backup); // a half backup is worse than none: it looks like one
                throw new StartupFileException(before.path(), Problem.of("startup.backupFailed", before.path(), backup,
                        Problems.of(e)), e);
            }
        }
        if (next == null) {
            Files.deleteIfExists(real);
            return backup;
        }
        AtomicFiles.write(real, next, permissions(real), owner);
        return backup;
    }

    /** The backup made before our first change to {@code file} (through its link), if there is one. */
    public static java.util.Optional<Path> backupOf(Path file) throws IOException {
        Path real = Files.isSymbolicLink(file) ? file.toRealPath() : file;
        Path dir = real.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return java.util.Optional.empty();
        }
        java.util.List<Path> found = new java.util.ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, real.getFileName() + BACKUP_INFIX + "*")) {
            s.forEach(found::add);
        }
        return found.stream().sorted().findFirst(); // the stamp sorts by time: the first is the one before our first change
    }

    /** One backup per file, made before our first change: later ones would hold our own block. */
    static boolean hasBackup(Path real) throws IOException {
        Path dir = real.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, real.getFileName() + BACKUP_INFIX + "*")) {
            return s.iterator().hasNext();
        }
    }

    private static Set<PosixFilePermission> permissions(Path real) throws IOException {
        if (Files.exists(real)) {
            try {
                return Files.getPosixFilePermissions(real);
            } catch (UnsupportedOperationException notPosix) {
                return null;
            }
        }
        // A new startup file: 0644, as editors make them.
        return FileSystemsHolder.POSIX ? PosixFilePermissions.fromString("rw-r--r--") : null;
    }

    private static final class FileSystemsHolder {
        static final boolean POSIX = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
