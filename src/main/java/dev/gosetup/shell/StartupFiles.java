package dev.gosetup.shell;

import dev.gosetup.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /** The file as read for planning: where the bytes really are, and what they were (null: no file yet). */
    public record Snapshot(Path path, Path real, byte[] content) {
        public boolean exists() {
            return content != null;
        }

        public boolean viaLink() {
            return !path.equals(real);
        }
    }

    /** Resolves links and refuses what we must not write: a directory, a dangling link, a read-only file. */
    public static Snapshot read(Path path) throws IOException {
        Path real = path;
        if (Files.isSymbolicLink(path)) {
            try {
                real = path.toRealPath();
            } catch (NoSuchFileException e) {
                throw new StartupFileException(path, "it is a link to " + Files.readSymbolicLink(path)
                        + ", which does not exist. Repair or remove the link (your dotfiles manager may need to run), then try again.");
            }
        }
        if (Files.isDirectory(real)) {
            throw new StartupFileException(path, "this is a folder, where a file was expected. Move it away, then try again.");
        }
        if (!Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = real.toAbsolutePath().getParent();
            if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
                throw new StartupFileException(path, parent + " is a file, where a folder was expected.");
            }
            return new Snapshot(path, real, null);
        }
        if (!Files.isWritable(real)) {
            throw new StartupFileException(path, (real.equals(path) ? "" : "(the link's target " + real + ") ")
                    + "is read-only. Make it writable (chmod u+w), or add the lines shown yourself.");
        }
        return new Snapshot(path, real, Files.readAllBytes(real));
    }

    /**
     * Replaces the file's content, or deletes it when {@code next} is null. Refuses when the file no longer
     * holds what {@code before} read: another program (an editor, a dotfiles sync) changed it meanwhile.
     *
     * @return the backup made before this change, or null when there was nothing to back up or one exists
     */
    public static Path write(Snapshot before, byte[] next) throws IOException {
        Path real = before.real();
        byte[] now = Files.exists(real) ? Files.readAllBytes(real) : null;
        if (!Arrays.equals(now, before.content())) {
            throw new StartupFileException(before.path(), "it was changed by another program after it was read. Nothing was "
                    + "written, so that change is kept. Run the command again to see the new preview.");
        }
        Path backup = null;
        if (before.exists() && !hasBackup(real)) {
            backup = real.resolveSibling(real.getFileName() + BACKUP_INFIX + LocalDateTime.now().format(STAMP));
            try {
                Files.copy(real, backup, StandardCopyOption.COPY_ATTRIBUTES);
            } catch (IOException e) {
                Files.deleteIfExists(backup); // a half backup is worse than none: it looks like one
                throw new StartupFileException(before.path(), "could not make its backup (" + e.getMessage()
                        + "), so it is unchanged. Free some disk space, then try again.");
            }
        }
        if (next == null) {
            Files.deleteIfExists(real);
            return backup;
        }
        AtomicFiles.write(real, next, permissions(real));
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
