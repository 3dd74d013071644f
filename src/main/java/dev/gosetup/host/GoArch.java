package dev.gosetup.host;

import java.util.Locale;

/**
 * Names of CPU architectures as Go's downloads spell them (go.dev/dl: amd64, arm64, 386, armv6l, ppc64le,
 * s390x, riscv64, loong64), from the names the JVM, uname and Windows use. Mapping after
 * golang/go src/cmd/dist/main.go.
 */
public final class GoArch {
    public static final String AMD64 = "amd64";
    public static final String ARM64 = "arm64";
    public static final String I386 = "386";
    /** The 32-bit ARM download (GOARCH=arm, GOARM=6): runs on every ARM from the Pi Zero up. */
    public static final String ARMV6L = "armv6l";

    private GoArch() {}

    /** From the JVM's {@code os.arch} (amd64, x86_64, aarch64, x86, arm, ...). */
    public static String fromJavaOsArch(String osArch) {
        return fromMachine(osArch);
    }

    /** From uname's machine field (x86_64, aarch64, arm64, armv7l, i686, loongarch64, ...). */
    public static String fromMachine(String machine) {
        if (machine == null || machine.isBlank()) {
            return null;
        }
        String m = machine.trim().toLowerCase(Locale.ROOT);
        return switch (m) {
            case "x86_64", "amd64", "x64", "em64t" -> AMD64;
            case "aarch64", "arm64", "aarch64_be", "armv8b", "armv8l_64" -> ARM64;
            case "x86", "i386", "i486", "i586", "i686", "i86pc" -> I386;
            case "ppc64le", "powerpc64le" -> "ppc64le";
            case "ppc64", "powerpc64" -> "ppc64";
            case "s390x" -> "s390x";
            case "riscv64" -> "riscv64";
            case "loongarch64", "loong64" -> "loong64";
            case "mips64el", "mips64le" -> "mips64le";
            default -> m.startsWith("arm") ? ARMV6L : m.matches("i[3-6]86") ? I386 : null;
        };
    }

    /** From an IMAGE_FILE_MACHINE_* value (IsWow64Process2). */
    public static String fromWindowsMachine(int imageFileMachine) {
        return switch (imageFileMachine) {
            case 0x8664 -> AMD64;
            case 0xAA64 -> ARM64;
            case 0x014C -> I386;
            case 0x01C0, 0x01C2, 0x01C4 -> ARMV6L;
            default -> null;
        };
    }

    /** From Windows' PROCESSOR_ARCHITECTURE (AMD64, ARM64, x86, ARM). */
    public static String fromProcessorArchitecture(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toUpperCase(Locale.ROOT)) {
            case "AMD64", "EM64T" -> AMD64;
            case "ARM64" -> ARM64;
            case "X86" -> I386;
            case "ARM" -> ARMV6L;
            default -> null;
        };
    }

    public static boolean is64Bit(String goArch) {
        return goArch != null && !goArch.equals(I386) && !goArch.equals(ARMV6L);
    }

    /** The architecture family, so that arm64 and armv6l (or amd64 and 386) count as the same CPU. */
    public static String family(String goArch) {
        if (goArch == null) {
            return null;
        }
        return switch (goArch) {
            case AMD64, I386 -> "x86";
            case ARM64, ARMV6L -> "arm";
            default -> goArch;
        };
    }

    /** GOOS from the JVM's {@code os.name}. */
    public static String goosFromOsName(String osName) {
        if (osName == null) {
            return null;
        }
        String n = osName.toLowerCase(Locale.ROOT);
        if (n.startsWith("mac") || n.startsWith("darwin")) {
            return "darwin";
        }
        if (n.startsWith("windows")) {
            return "windows";
        }
        if (n.startsWith("linux")) {
            return "linux";
        }
        if (n.startsWith("freebsd")) {
            return "freebsd";
        }
        if (n.startsWith("openbsd")) {
            return "openbsd";
        }
        if (n.startsWith("netbsd")) {
            return "netbsd";
        }
        if (n.startsWith("sunos") || n.startsWith("solaris")) {
            return "solaris";
        }
        if (n.startsWith("aix")) {
            return "aix";
        }
        return n.replaceAll("[^a-z0-9]", "");
    }
}
