package dev.gosetup.host;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Apple Silicon chip names: from machdep.cpu.brand_string ("Apple M1 Pro"), hw.cpufamily (Homebrew
 * extend/os/mac/hardware/cpu.rb) and the kernel build name (RELEASE_ARM64_T6000).
 */
public final class AppleChips {
    private static final Pattern BRAND = Pattern.compile("Apple M(\\d+)(?: (Pro|Max|Ultra))?");
    /** What Rosetta 2 reports to translated processes: a virtual Westmere. Not the real chip. */
    public static final long ROSETTA_VIRTUAL_CPUFAMILY = 0x573b5eecL;

    private static final Map<Long, String> CPU_FAMILIES = Map.of(
            0x1b588bb3L, "Apple M1",
            0xda33d83dL, "Apple M2",
            0xfa33415eL, "Apple M3",
            0x5f4dea93L, "Apple M3 Pro",
            0x72015832L, "Apple M3 Max",
            0x6f5129acL, "Apple M4",
            0x17d5b93aL, "Apple M4 Pro/Max",
            0x1d5a87e8L, "Apple M5",
            0xf76c5b1aL, "Apple M5 Pro/Max");

    /** Kernel builds are per SoC; the same kernel serves a chip's Pro and Max. */
    private static final Map<String, String> KERNEL_SOCS = Map.of(
            "T8103", "Apple M1",
            "T6000", "Apple M1 Pro/Max",
            "T6002", "Apple M1 Ultra",
            "T8112", "Apple M2",
            "T6020", "Apple M2 Pro/Max",
            "T6022", "Apple M2 Ultra",
            "T8122", "Apple M3",
            "T6030", "Apple M3 Pro",
            "T6031", "Apple M3 Max",
            "T8132", "Apple M4");

    private AppleChips() {}

    /** "Apple M1 Pro" when the brand string names a chip; empty for "Apple processor" (early Big Sur). */
    public static Optional<String> fromBrandString(String brand) {
        if (brand == null) {
            return Optional.empty();
        }
        Matcher m = BRAND.matcher(brand.strip());
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** hw.cpufamily as sysctl prints it (a signed 32-bit number). */
    public static Optional<String> fromCpuFamily(long signedOrUnsigned) {
        return Optional.ofNullable(CPU_FAMILIES.get(signedOrUnsigned & 0xffffffffL));
    }

    /** From a Darwin kernel version string containing RELEASE_ARM64_Txxxx. */
    public static Optional<String> fromKernelVersion(String kernelVersion) {
        if (kernelVersion == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("RELEASE_ARM64_(T\\d{4})").matcher(kernelVersion);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(KERNEL_SOCS.getOrDefault(m.group(1), "Apple silicon (" + m.group(1) + ")"));
    }

    /** True when a Darwin kernel version says it was built for arm64, whatever uname's machine says. */
    public static boolean isArm64Kernel(String kernelVersion) {
        return kernelVersion != null && kernelVersion.contains("RELEASE_ARM64");
    }

    /** An "M1", "M2 Pro" ... mentioned in a model name ("Apple MacBook Pro (13-inch, M1, 2020)"). */
    public static Optional<String> fromModelName(String model) {
        if (model == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("\\bM(\\d+)(?: (Pro|Max|Ultra))?\\b").matcher(model);
        return m.find() ? Optional.of("Apple " + m.group()) : Optional.empty();
    }

    /** macOS marketing name for a major version. */
    public static String macOsName(String productVersion) {
        if (productVersion == null) {
            return null;
        }
        String major = productVersion.split("\\.")[0];
        return switch (major) {
            case "11" -> "Big Sur";
            case "12" -> "Monterey";
            case "13" -> "Ventura";
            case "14" -> "Sonoma";
            case "15" -> "Sequoia";
            case "26" -> "Tahoe";
            default -> null;
        };
    }
}
