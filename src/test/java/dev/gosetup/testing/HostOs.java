package dev.gosetup.testing;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * What the machine running the tests has, for scaffolding that differs by OS (src/test/PLATFORMS.md): a test whose
 * subject exists on every OS but sets or checks a POSIX file mode on the way asks here, instead of being skipped
 * on Windows as a whole. Tests whose subject is POSIX itself are annotated with JUnit's DisabledOnOs instead.
 */
public final class HostOs {
    public static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    private HostOs() {}

    /** Whether this file system keeps POSIX modes (Linux and macOS): Windows' NTFS has ACLs instead. */
    public static boolean posixModes() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Sets {@code mode} ("rw-r--r--") where files have modes; on Windows nothing: the file is as the account made it,
     * which is what the product sees there.
     */
    public static Path mode(Path file, String mode) throws java.io.IOException {
        if (posixModes()) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        }
        return file;
    }
}
