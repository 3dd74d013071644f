package dev.gosetup.host;

import java.util.Map;

/**
 * Names of ARM CPU implementers and parts from MIDR fields ({@code CPU implementer}, {@code CPU part}).
 * Source: Linux arch/arm64/include/asm/cputype.h; AWS aws-graviton-getting-started.
 */
public final class ArmCpuCatalog {
    public static final int ARM = 0x41;
    public static final int APPLE = 0x61;
    public static final int AMPERE = 0xc0;
    public static final int QUALCOMM = 0x51;
    public static final int NVIDIA = 0x4e;
    public static final int CAVIUM = 0x43;
    public static final int MICROSOFT = 0x6d;

    private static final Map<Integer, String> IMPLEMENTERS = Map.of(
            ARM, "Arm", APPLE, "Apple", AMPERE, "Ampere", QUALCOMM, "Qualcomm", NVIDIA, "NVIDIA",
            CAVIUM, "Cavium", MICROSOFT, "Microsoft", 0x42, "Broadcom", 0x48, "HiSilicon", 0x46, "Fujitsu");

    private static final Map<Integer, String> ARM_PARTS = Map.ofEntries(
            Map.entry(0xb76, "ARM1176"),
            Map.entry(0xc07, "Cortex-A7"),
            Map.entry(0xc08, "Cortex-A8"),
            Map.entry(0xc09, "Cortex-A9"),
            Map.entry(0xc0f, "Cortex-A15"),
            Map.entry(0xd03, "Cortex-A53"),
            Map.entry(0xd04, "Cortex-A35"),
            Map.entry(0xd05, "Cortex-A55"),
            Map.entry(0xd07, "Cortex-A57"),
            Map.entry(0xd08, "Cortex-A72"),
            Map.entry(0xd09, "Cortex-A73"),
            Map.entry(0xd0a, "Cortex-A75"),
            Map.entry(0xd0b, "Cortex-A76"),
            Map.entry(0xd0c, "Neoverse-N1"),
            Map.entry(0xd0d, "Cortex-A77"),
            Map.entry(0xd40, "Neoverse-V1"),
            Map.entry(0xd41, "Cortex-A78"),
            Map.entry(0xd44, "Cortex-X1"),
            Map.entry(0xd46, "Cortex-A510"),
            Map.entry(0xd47, "Cortex-A710"),
            Map.entry(0xd48, "Cortex-X2"),
            Map.entry(0xd49, "Neoverse-N2"),
            Map.entry(0xd4a, "Neoverse-E1"),
            Map.entry(0xd4b, "Cortex-A78C"),
            Map.entry(0xd4d, "Cortex-A715"),
            Map.entry(0xd4e, "Cortex-X3"),
            Map.entry(0xd4f, "Neoverse-V2"),
            Map.entry(0xd80, "Cortex-A520"),
            Map.entry(0xd81, "Cortex-A720"),
            Map.entry(0xd82, "Cortex-X4"),
            Map.entry(0xd84, "Neoverse-V3"),
            Map.entry(0xd85, "Cortex-X925"),
            Map.entry(0xd87, "Cortex-A725"),
            Map.entry(0xd8e, "Neoverse-N3"));

    private static final Map<Integer, String> APPLE_PARTS = Map.ofEntries(
            Map.entry(0x022, "M1 Icestorm"), Map.entry(0x023, "M1 Firestorm"),
            Map.entry(0x024, "M1 Pro Icestorm"), Map.entry(0x025, "M1 Pro Firestorm"),
            Map.entry(0x028, "M1 Max Icestorm"), Map.entry(0x029, "M1 Max Firestorm"),
            Map.entry(0x032, "M2 Blizzard"), Map.entry(0x033, "M2 Avalanche"),
            Map.entry(0x034, "M2 Pro Blizzard"), Map.entry(0x035, "M2 Pro Avalanche"),
            Map.entry(0x038, "M2 Max Blizzard"), Map.entry(0x039, "M2 Max Avalanche"));

    private static final Map<Integer, String> OTHER_PARTS = Map.of(
            key(AMPERE, 0xac3), "AmpereOne",
            key(AMPERE, 0xac4), "AmpereOne",
            key(QUALCOMM, 0x001), "Oryon",
            key(CAVIUM, 0x0af), "ThunderX2",
            key(MICROSOFT, 0xd49), "Azure Cobalt 100",
            key(0x00, 0x051), "QEMU 'max' (emulated)");

    private ArmCpuCatalog() {}

    private static int key(int implementer, int part) {
        return implementer << 16 | part;
    }

    public static String implementerName(int implementer) {
        return IMPLEMENTERS.getOrDefault(implementer, "0x%02x".formatted(implementer));
    }

    /** The core's name ("Neoverse-N1", "M1 Firestorm"), or null when the table lacks it. */
    public static String partName(int implementer, int part) {
        if (implementer == ARM) {
            return ARM_PARTS.get(part);
        }
        if (implementer == APPLE) {
            return APPLE_PARTS.get(part);
        }
        return OTHER_PARTS.get(key(implementer, part));
    }

    /** The Apple chip ("M1", "M2 Pro") a core part belongs to, or null. */
    public static String appleChip(int part) {
        String name = APPLE_PARTS.get(part);
        return name == null ? null : name.substring(0, name.lastIndexOf(' '));
    }

    /** Reverse lookup of an Arm Ltd. part by name (for captures that only have lscpu's names). */
    public static Integer armPartByName(String name) {
        return ARM_PARTS.entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(name.strip()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }
}
