package dev.gosetup.host;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Linux (and WSL, containers): uname in-process, /proc/cpuinfo, DMI, devicetree, os-release. The arch
 * comes from the process and the kernel, never from cpuinfo: under qemu-user or Rosetta for Linux,
 * cpuinfo describes the ARM host while the userland is x86-64.
 */
final class LinuxDetection {
    private static final Pattern PROC_VERSION = Pattern.compile("Linux version (\\S+)");

    private final HostSource source;
    private final Findings f;

    LinuxDetection(HostSource source, Findings f) {
        this.source = source;
        this.f = f;
    }

    void run() {
        Optional<Uname> uname = source.uname();
        Optional<String> procVersion = source.file("/proc/version");
        f.kernel = source.file("/proc/sys/kernel/osrelease").map(String::strip).filter(s -> !s.isEmpty())
                .or(() -> uname.map(Uname::release))
                .or(() -> procVersion.map(PROC_VERSION::matcher).filter(Matcher::find).map(m -> m.group(1)))
                .orElse(null);
        CpuInfo cpu = source.file("/proc/cpuinfo").map(CpuInfo::parse).orElse(new CpuInfo(java.util.List.of(), java.util.Map.of()));
        String kernelArch = uname.map(u -> GoArch.fromMachine(u.machine())).orElse(null);
        if (f.processArch == null) {
            f.processArch = kernelArch;
        }

        arch(kernelArch, cpu);
        wsl(procVersion.orElse(null));
        f.container = ContainerDetection.detect(source);
        Dmi dmi = Dmi.read(source::file);
        Optional<String> deviceTreeModel = deviceTree(source, "model");
        f.machine = deviceTreeModel.filter(m -> !RaspberryPi.isRaspberryPiModel(m))
                .or(dmi::machineLabel).orElse(null);
        if (f.machine == null) {
            // Containers and many VMs hide DMI; boards without firmware tables have no devicetree model either.
            f.note(f.container != null ? "note.machine.unknown.container" : "note.machine.unknown",
                    Dmi.DIR, "/proc/device-tree/model");
        }
        chip(cpu, dmi, deviceTreeModel);
        goamd64(cpu);
        f.osVersion = source.file("/etc/os-release").or(() -> source.file("/usr/lib/os-release"))
                .map(OsRelease::parse).flatMap(OsRelease::prettyName).orElse(null);
        if (f.osVersion == null) {
            f.note("note.os.version.unknown", "/etc/os-release, /usr/lib/os-release (PRETTY_NAME)");
        }
    }

    private void arch(String kernelArch, CpuInfo cpu) {
        String process = f.processArch;
        boolean cpuIsArm = cpu.looksArm() && !cpu.looksX86();
        boolean cpuIsX86 = cpu.looksX86() && !cpu.looksArm();
        String processFamily = GoArch.family(process);
        if (process != null && ((cpuIsArm && processFamily.equals("x86")) || (cpuIsX86 && processFamily.equals("arm")))) {
            // qemu-user / Rosetta for Linux: uname and the process say one arch, the CPU is another.
            // The userland decides which Go runs here, so keep the process arch and say so.
            f.arch = process;
            f.translated = true;
            f.translator = "emulator";
            f.note("note.linux.emulated", process, cpuIsArm ? "ARM" : "x86-64");
            return;
        }
        if (kernelArch == null && process == null) {
            f.note("note.arch.unknown");
            return;
        }
        if (kernelArch == null) {
            f.arch = process;
            return;
        }
        if (process != null && GoArch.is64Bit(kernelArch) && !GoArch.is64Bit(process)
                && GoArch.family(kernelArch).equals(processFamily)) {
            // A 32-bit userland on a 64-bit kernel (Raspberry Pi OS 32-bit): its libraries are 32-bit.
            f.arch = process;
            f.note("note.linux.userland32", kernelArch, process);
            return;
        }
        f.arch = kernelArch;
    }

    private void wsl(String procVersion) {
        Optional<String> distro = source.env("WSL_DISTRO_NAME");
        Optional<String> interop = source.env("WSL_INTEROP");
        String release = Optional.ofNullable(f.kernel).orElse(procVersion == null ? "" : procVersion);
        if (interop.isPresent() || release.matches("(?s).*(microsoft-standard|WSL2).*")) {
            f.wsl = 2;
        } else if (release.contains("Microsoft")) {
            f.wsl = 1; // WSL1's fake kernel: 4.4.0-19041-Microsoft, capital M
        } else if (distro.isPresent() || release.toLowerCase(Locale.ROOT).contains("microsoft")) {
            f.note("note.wsl.version.unknown", distro.orElse("?"));
        }
    }

    private void chip(CpuInfo cpu, Dmi dmi, Optional<String> deviceTreeModel) {
        if (cpu.isEmpty()) {
            // Some kernels and containers hide cpuinfo; ARM's MIDR is also in sysfs.
            if ("arm".equals(GoArch.family(f.arch))) {
                f.chip = LinuxArmChip.identify(cpu, dmi, deviceTreeModel, source, f, f.translated);
            }
            if (f.chip == null) {
                f.note("note.cpuinfo.missing");
            }
            return;
        }
        if (f.translated) {
            // The CPU seen through emulation is the host's; name it only when the parts say what it is.
            f.chip = cpu.looksArm() ? LinuxArmChip.identify(cpu, dmi, deviceTreeModel, source, f, true) : null;
            return;
        }
        if (cpu.looksArm()) {
            f.chip = LinuxArmChip.identify(cpu, dmi, deviceTreeModel, source, f, false);
        } else {
            Optional<String> modelName = cpu.first("model name");
            f.chip = modelName.map(HostDetector::cleanCpuName).or(() -> cpu.first("cpu model")).orElse(null);
            f.chipEvidence = Note.of("evidence.cpuinfo", modelName.isPresent() ? "model name" : "cpu model");
            if (f.chip == null) {
                f.note("note.chip.unknown", "/proc/cpuinfo (model name)");
            }
        }
    }

    private void goamd64(CpuInfo cpu) {
        if (!GoArch.AMD64.equals(f.arch)) {
            return;
        }
        if (cpu.looksX86() && !cpu.commonFlags().isEmpty()) {
            f.goamd64 = Goamd64Level.fromLinuxFlags(cpu.commonFlags());
        } else if (f.translated) {
            f.note("note.goamd64.emulated");
        } else {
            f.note("note.goamd64.unknown");
        }
    }

    /** A devicetree string property: NUL-terminated, lists NUL-separated (one entry a line here). */
    static Optional<String> deviceTree(HostSource source, String name) {
        return source.file("/sys/firmware/devicetree/base/" + name)
                .or(() -> source.file("/proc/device-tree/" + name))
                .map(s -> s.replace('\0', '\n').strip())
                .filter(s -> !s.isEmpty());
    }
}
