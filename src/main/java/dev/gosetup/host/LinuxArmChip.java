package dev.gosetup.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names an ARM Linux machine's CPU from cpuinfo's MIDR fields plus the evidence that tells same-core
 * machines apart. A vendor's chip is named only when evidence says which vendor (DMI/SMBIOS, cloud-init,
 * the Xen uuid: {@link CloudEvidence}; the devicetree for Raspberry Pi and Asahi): AWS Graviton4, NVIDIA
 * Grace and Google Axion share the Neoverse-V2 core. Without it the core is named and the candidates
 * listed; BogoMIPS (twice the architected timer: 243.75 Graviton2, 50.00 Ampere Altra) and feature flags
 * (EESSI software-layer #845) are given as a hint, never as the answer. {@link Findings#chipEvidence}
 * says what decided.
 */
final class LinuxArmChip {
    private LinuxArmChip() {}

    static String identify(CpuInfo cpu, Dmi dmi, Optional<String> deviceTreeModel, HostSource source, Findings f,
                           boolean emulated) {
        Optional<String> dtModel = deviceTreeModel.filter(RaspberryPi::isRaspberryPiModel);
        if (dtModel.isPresent()) {
            f.chipEvidence = Note.of("evidence.deviceTree", "model", dtModel.get());
            return dtModel.get();
        }
        Optional<String> cpuinfoModel = cpu.boardValue("model").filter(RaspberryPi::isRaspberryPiModel);
        if (cpuinfoModel.isPresent()) {
            f.chipEvidence = Note.of("evidence.cpuinfoBoard", "Model", cpuinfoModel.get());
            return cpuinfoModel.get();
        }
        Optional<String> model = deviceTreeModel.or(() -> cpu.boardValue("model"));
        Optional<String> hardware = cpu.boardValue("hardware");
        if (hardware.filter(h -> h.startsWith("BCM")).isPresent()) {
            String revision = cpu.boardValue("revision").orElse(null);
            Optional<String> pi = RaspberryPi.fromRevisionCode(revision);
            if (pi.isPresent()) {
                f.chipEvidence = Note.of("evidence.cpuinfoBoard", "Revision", revision);
                return pi.get();
            }
        }
        List<CpuInfo.ArmCore> cores = cpu.armCores();
        boolean fromSysfs = cores.isEmpty();
        if (fromSysfs) {
            cores = midrCores(source);
        }
        Optional<String> compatible = LinuxDetection.deviceTree(source, "compatible");
        Optional<String> appleCompatible = compatible.flatMap(LinuxArmChip::appleFromCompatible);
        if (appleCompatible.isPresent()) {
            f.chipEvidence = Note.of("evidence.deviceTree", "compatible", compatible.get().lines().findFirst().orElse(""));
            return appleCompatible.get();
        }
        Optional<String> appleFromModel = model.flatMap(AppleChips::fromModelName);
        if (appleFromModel.isPresent()) {
            f.chipEvidence = Note.of("evidence.deviceTree", "model", model.get());
            return appleFromModel.get();
        }
        Map<CpuInfo.ArmCore, Integer> counts = new LinkedHashMap<>();
        cores.forEach(c -> counts.merge(c, 1, Integer::sum));
        if (counts.isEmpty()) {
            if (!emulated && !cpu.isEmpty()) {
                f.note("note.chip.unknown", "/proc/cpuinfo (CPU implementer, CPU part)");
            }
            return null;
        }
        CpuInfo.ArmCore first = counts.keySet().iterator().next();
        f.chipEvidence = Note.of(fromSysfs ? "evidence.midrSysfs" : "evidence.midr",
                "0x%02x".formatted(first.implementer()), "0x%03x".formatted(first.part()));
        if (counts.keySet().stream().allMatch(c -> c.implementer() == ArmCpuCatalog.APPLE)) {
            String chip = counts.keySet().stream().map(c -> ArmCpuCatalog.appleChip(c.part()))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            return chip == null ? "Apple silicon" : "Apple " + chip;
        }
        if (counts.size() == 1) {
            return single(first, cpu, CloudEvidence.find(dmi, source), f);
        }
        return mixed(counts);
    }

    private static String single(CpuInfo.ArmCore core, CpuInfo cpu, Optional<CloudEvidence> cloud, Findings f) {
        if (core.implementer() == ArmCpuCatalog.ARM) {
            Optional<String> vendorChip = cloud.flatMap(c -> c.chipFor(core.part()));
            if (vendorChip.isPresent()) {
                f.chipEvidence = cloud.get().evidence();
                return vendorChip.get();
            }
            String coreName = "Arm " + Optional.ofNullable(ArmCpuCatalog.partName(core.implementer(), core.part()))
                    .orElse("CPU (part 0x%03x)".formatted(core.part()));
            String candidates = candidates(core.part());
            if (candidates != null) {
                f.note("note.chip.ambiguous", coreName.substring("Arm ".length()), candidates);
                hint(core.part(), cpu).ifPresent(h -> f.note("note.chip.hint", h[0], h[1]));
            }
            return coreName;
        }
        if (core.implementer() == 0x00 && core.part() == 0x051) {
            f.note("note.chip.qemu");
            return "QEMU virtual CPU ('max', emulated)";
        }
        // Every other implementer designs its own cores: the MIDR names the chip's maker by itself.
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

    /** The vendor chips known to use an Arm Ltd core, for the "could be" note; null for cores in many phones and boards. */
    private static String candidates(int part) {
        return switch (part) {
            case 0xd08 -> "AWS Graviton (A1), Broadcom BCM2711 (Raspberry Pi 4)";
            case 0xd0c -> "AWS Graviton2, Ampere Altra";
            case 0xd40 -> "AWS Graviton3, AWS Graviton3E, SiPearl Rhea1";
            case 0xd4f -> "AWS Graviton4, NVIDIA Grace, Google Axion";
            case 0xd49 -> "Azure Cobalt 100, Alibaba Yitian 710";
            case 0xd84 -> "AWS Graviton5";
            default -> null;
        };
    }

    /**
     * What the CPU alone suggests, stated as a hint with its reason: {chip, evidence}. The timer frequency
     * (BogoMIPS) and the optional crypto/PAC extensions differ between vendors' chips of one core, but
     * nothing guarantees it.
     */
    private static Optional<String[]> hint(int part, CpuInfo cpu) {
        String bogo = cpu.bogoMips().orElse("");
        Set<String> flags = cpu.commonFlags();
        switch (part) {
            case 0xd0c -> {
                if (bogo.equals("243.75")) {
                    return Optional.of(new String[] {"AWS Graviton2", "BogoMIPS " + bogo});
                }
                if (bogo.equals("50.00")) {
                    return Optional.of(new String[] {"Ampere Altra", "BogoMIPS " + bogo});
                }
            }
            case 0xd08 -> {
                if (bogo.equals("166.66")) {
                    return Optional.of(new String[] {"AWS Graviton (A1)", "BogoMIPS " + bogo});
                }
                if (bogo.equals("108.00") && !flags.contains("aes")) {
                    return Optional.of(new String[] {"Broadcom BCM2711 (Raspberry Pi 4)",
                            "BogoMIPS " + bogo + ", no crypto extensions"});
                }
            }
            case 0xd4f -> {
                boolean sm = flags.contains("sm3") && flags.contains("sm4");
                boolean pac = flags.contains("paca") && flags.contains("pacg");
                if (pac && !sm) {
                    return Optional.of(new String[] {"AWS Graviton4", "paca/pacg without sm3/sm4"});
                }
                if (sm && !pac) {
                    return Optional.of(new String[] {"NVIDIA Grace", "sm3/sm4 without paca/pacg"});
                }
                if (sm) {
                    return Optional.of(new String[] {"Google Axion", "sm3/sm4 and paca/pacg"});
                }
            }
            default -> { }
        }
        return Optional.empty();
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

    /** A value read from a (possibly hostile) snapshot, fit for a message: no control characters, at most 40. */
    private static String shown(String value) {
        String v = value.strip().replaceAll("\\p{Cntrl}", "?");
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
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
                throw new SnapshotException(dev.gosetup.i18n.Problem.of("snapshot.midrNotHex", cpu,
                        shown(midr.get())));
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
