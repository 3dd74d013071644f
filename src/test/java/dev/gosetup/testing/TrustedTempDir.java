package dev.gosetup.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * {@code @TempDir(factory = TrustedTempDir.class)}: a temporary folder a process running as root will read a
 * policy from. /tmp is writable by every account (mode 1777), so root refuses policies, CA files and release
 * lists there; these folders sit in the build folder instead (target/trusted-tmp, mode 0755), whose owner
 * is whoever runs the build.
 */
public final class TrustedTempDir implements TempDirFactory {
    @Override
    public Path createTempDirectory(AnnotatedElementContext elementContext, ExtensionContext extensionContext) throws IOException {
        return create("junit");
    }

    /** A new folder under target/trusted-tmp (for tests that make their own, like the fuzz targets). */
    public static Path create(String prefix) throws IOException {
        Path base = Path.of(System.getProperty("gosetup.target", "target")).toAbsolutePath().resolve("trusted-tmp");
        Files.createDirectories(base);
        PosixFileAttributeView posix = Files.getFileAttributeView(base, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(PosixFilePermissions.fromString("rwxr-xr-x")); // whatever the umask
        }
        Path dir = Files.createTempDirectory(base, prefix);
        if (posix != null) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return dir;
    }
}
