package dev.gosetup.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The app's own folders that say where a user downloads from and what went wrong (the log, the release
 * list cache): mode 0700, so another account on a shared machine reads none of it. Their files are 0600.
 * Where the file system has no POSIX permissions (Windows), the profile's own ACL already keeps them
 * private.
 */
public final class PrivateFolders {
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFolders() {}

    /**
     * Makes {@code dir} (and the folders above it that are missing) 0700, and takes group and others'
     * access away from one made earlier with the default mode.
     */
    public static Path create(Path dir) throws IOException {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!posix) {
            return Files.createDirectories(dir);
        }
        if (!Files.isDirectory(dir)) {
            FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(FOLDER);
            try {
                Files.createDirectories(dir, mode);
            } catch (FileAlreadyExistsException raced) {
                // another gosetup made it meanwhile: tightened below
            }
        }
        try {
            restrict(dir, FOLDER);
        } catch (IOException notOurs) {
            // a folder of another account's (root working on a user's home): left as it is
        }
        return dir;
    }

    /** Takes group and others' access away from a file or folder of this user's (no-op without POSIX permissions). */
    public static void restrict(Path path, Set<PosixFilePermission> mode) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view != null && !view.readAttributes().permissions().equals(mode)) {
            view.setPermissions(mode);
        }
    }
}
