package dev.gosetup.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Real programs for header tests, from JNA's own jar: it carries its native library built for many
 * platforms (ELF, Mach-O, PE). Copied to where a test wants a `go` binary.
 */
public final class RealBinaries {
    public static final String LINUX_AMD64 = "linux-x86-64/libjnidispatch.so";
    public static final String LINUX_ARM64 = "linux-aarch64/libjnidispatch.so";
    public static final String DARWIN_AMD64 = "darwin-x86-64/libjnidispatch.jnilib";
    public static final String DARWIN_ARM64 = "darwin-aarch64/libjnidispatch.jnilib";
    public static final String WINDOWS_AMD64 = "win32-x86-64/jnidispatch.dll";
    public static final String WINDOWS_ARM64 = "win32-aarch64/jnidispatch.dll";

    private RealBinaries() {}

    /** Writes the real binary {@code which} to {@code target}, executable. */
    public static Path copy(String which, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = com.sun.jna.Native.class.getResourceAsStream("/com/sun/jna/" + which)) {
            if (in == null) {
                throw new IOException("JNA's jar has no " + which);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return HostOs.mode(target, "rwxr-xr-x"); // executable where files have modes; Windows runs by name (.exe)
    }
}
