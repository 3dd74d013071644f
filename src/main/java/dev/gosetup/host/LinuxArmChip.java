package dev.gosetup.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names an ARM Linux machine's CPU from cpuinfo's MIDR fields plus the board hints that tell same-part
 * machines apart: DMI (EC2), the devicetree model (Raspberry Pi, Asahi), BogoMIPS (twice the architected
 * timer: 243.75 Graviton2, 50.00 Ampere Altra, 166.66 Graviton 1, 108.00 Broadcom BCM2711/2712) and
 * feature flags (Neoverse-V2: Grace vs Graviton4 vs Axion, per EESSI software-layer #845).
 */
final class LinuxArmChip {
    private LinuxArmChip() {}

    static String identify(CpuInfo cpu, Dmi dmi, Optional<String> deviceTreeModel, HostSource source, Findings f,
                           boolean emulated) {
        Optional<String> model = deviceTreeModel.or(() -> cpu.boardValue("model"));
        if (model.filter(RaspberryPi::isRaspberryPiModel).isPresent()) {
            return model.get();
        }
        Optional<String> hardware = cpu.boardValue("hardware");
        if (hardware.filter(h -> h.startsWith("BCM")).isPresent()) {
            Optional<String> pi = RaspberryPi.fromRevisionCode(cpu.boardValue("revision").orElse(null));
            if (pi.isPresent()) {
                return pi.get();
            }
        }
        List<CpuInfo.ArmCore> cores = cpu.armCores();
        if (cores.isEmpty()) {
            cores = midrCores(source);
        }
        Optional<String> appleCompatible = LinuxDetection.deviceTree(source, "compatible").flatMap(LinuxArmChip::appleFromCompatible);
        if (appleCompatible.isPresent()) {
            return appleCompatible.get();
        }
        Optional<String> appleFromModel = model.flatMap(AppleChips::fromModelName);
        if (appleFromModel.isPresent()) {
            return appleFromModel.get();
        }
        Map<CpuInfo.ArmCore, Integer> counts = new LinkedHashMap<>();
        cores.forEach(c -> counts.merge(c, 1, Integer::sum));
        if (counts.isEmpty()) {
            if (!emulated && !cpu.isEmpty()) {
                f.note("note.chip.unknown");
            }
            return null;
        }
        if (counts.keySet().stream().allMatch(c -> c.implementer() == ArmCpuCatalog.APPLE)) {
            String chip = counts.keySet().stream().map(c -> ArmCpuCatalog.appleChip(c.part()))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            return chip == null ? "Apple silicon" : "Apple " + chip;
        }
        if (counts.size() == 1) {
            return single(counts.keySet().iterator().next(), cpu, dmi, f);
        }
        return mixed(counts);
    }

    private static String single(CpuInfo.ArmCore core, CpuInfo cpu, Dmi dmi, Findings f) {
        boolean aws = dmi.isAwsEc2();
        String bogo = cpu.bogoMips().orElse("");
        Set<String> flags = cpu.commonFlags();
        if (core.implementer() == ArmCpuCatalog.ARM) {
            switch (core.part()) {
                case 0xd0c -> {
                    if (aws || bogo.equals("243.75")) {
                        return inferred(aws, f, "AWS Graviton2", "BogoMIPS " + bogo);
                    }
                    if (bogo.equals("50.00")) {
                        return inferred(false, f, "Ampere Altra", "BogoMIPS " + bogo);
                    }
                    f.note("note.chip.ambiguous", "Neoverse-N1", "AWS Graviton2, Ampere Altra");
                    return "Arm Neoverse-N1";
                }
                case 0xd40 -> {
                    return inferred(aws, f, "AWS Graviton3", "Neoverse-V1");
                }
                case 0xd84 -> {
                    return inferred(aws, f, "AWS Graviton5", "Neoverse-V3");
                }
                case 0xd4f -> {
                    boolean sm = flags.contains("sm3") && flags.contains("sm4");
                    boolean pac = flags.contains("paca") && flags.contains("pacg");
                    if (aws || (pac && !sm)) {
                        return inferred(aws, f, "AWS Graviton4", "Neoverse-V2, paca/pacg without sm3/sm4");
                    }
                    if (sm && !pac) {
                        return inferred(false, f, "NVIDIA Grace", "Neoverse-V2, sm3/sm4 without paca/pacg");
                    }
                    if (sm) {
                        return inferred(false, f, "Google Axion", "Neoverse-V2, sm3/sm4 and paca/pacg");
                    }
                    return "Arm Neoverse-V2";
                }
                case 0xd08 -> {
                    if (aws || bogo.equals("166.66")) {
                        return inferred(aws, f, "AWS Graviton", "Cortex-A72, BogoMIPS " + bogo);
                    }
                    if (bogo.equals("108.00") && !flags.contains("aes")) {
                        return inferred(false, f, "Broadcom BCM2711 (Raspberry Pi 4 family)",
                                "Cortex-A72 without crypto extensions, 54 MHz timer");
                    }
                    return "Arm Cortex-A72";
                }
                default -> {
                    String name = ArmCpuCatalog.partName(core.implementer(), core.part());
                    return name == null ? "Arm CPU (part 0x%03x)".formatted(core.part()) : "Arm " + name;
                }
            }
        }
        if (core.implementer() == 0x00 && core.part() == 0x051) {
            f.note("note.chip.qemu");
            return "QEMU virtual CPU ('max', emulated)";
        }
        String part = ArmCpuCatalog.partName(core.implementer(), core.part());
        String vendor = ArmCpuCatalog.implementerName(core.implementer());
        if (part != null && part.startsWith(vendor)) {
            return part;
        }
        if (core.implementer() == ArmCpuCatalog.MICROSOFT && part != null) {
            return "Microsoft " + part;
        }
        return vendor + " " + (part == null ? "CPU (part 0x%03x)".formatted(core.part()) : part);
    }

    /** A chip named from the CPU alone, without the DMI that would confirm it: said in a note. */
    private static String inferred(boolean confirmed, Findings f, String chip, String evidence) {
        if (!confirmed) {
            f.note("note.chip.inferred", chip, evidence);
        }
        return chip;
    }

    /** big.LITTLE: "Arm 1× Cortex-X3 + 2× Cortex-A715 + 2× Cortex-A710 + 3× Cortex-A510", big cores first. */
    private static String mixed(Map<CpuInfo.ArmCore, Integer> counts) {
        List<Map.Entry<CpuInfo.ArmCore, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort((a, b) -> Integer.compare(b.getKey().part(), a.getKey().part()));
        String vendor = ArmCpuCatalog.implementerName(entries.getFirst().getKey().implementer());
        List<String> parts = new ArrayList<>();
        for (Map.Entry<CpuInfo.ArmCore, Integer> e : entries) {
            String name = ArmCpuCatalog.partName(e.getKey().implementer(), e.getKey().part());
            parts.add(e.getValue() + "× " + (name == null ? "0x%03x".formatted(e.getKey().part()) : name));
        }
        return vendor + " " + String.join(" + ", parts);
    }

    /** MIDR_EL1 from sysfs, for kernels whose cpuinfo lacks the fields. */
    private static List<CpuInfo.ArmCore> midrCores(HostSource source) {
        List<CpuInfo.ArmCore> cores = new ArrayList<>();
        for (int cpu = 0; cpu < 4096; cpu++) {
            Optional<String> midr = source.file("/sys/devices/system/cpu/cpu" + cpu + "/regs/identification/midr_el1");
            if (midr.isEmpty()) {
                break;
            }
            try {
                long v = Long.parseUnsignedLong(midr.get().strip().replaceFirst("^0[xX]", ""), 16);
                cores.add(new CpuInfo.ArmCore((int) ((v >> 24) & 0xff), (int) ((v >> 4) & 0xfff)));
            } catch (NumberFormatException e) {
                throw new SnapshotException("midr_el1 of cpu" + cpu + " is not a hex number: '" + midr.get().strip() + "'.");
            }
        }
        return cores;
    }

    private static Optional<String> appleFromCompatible(String compatible) {
        Map<String, String> socs = Map.of("apple,t8103", "Apple M1", "apple,t6000", "Apple M1 Pro",
                "apple,t6001", "Apple M1 Max", "apple,t6002", "Apple M1 Ultra", "apple,t8112", "Apple M2",
                "apple,t6020", "Apple M2 Pro", "apple,t6021", "Apple M2 Max", "apple,t6022", "Apple M2 Ultra");
        return compatible.lines().map(String::strip).map(socs::get).filter(java.util.Objects::nonNull).findFirst();
    }
}
