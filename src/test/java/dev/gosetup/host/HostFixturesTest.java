package dev.gosetup.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.host.snapshot.SnapshotHostSource;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.SnapshotBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every capture of a real machine in src/test/fixtures/hosts becomes a snapshot folder, assembled from
 * the capture's own text the way a person would by hand, and detection must conclude what that machine is.
 * The process-side facts a capture cannot hold (os.name, os.arch) come from the machine INDEX.tsv names.
 */
class HostFixturesTest {

    /** One machine: a capture, how it becomes a snapshot, and what detection must conclude. */
    record Case(String name, String fixture, Function<String, SnapshotBuilder> snapshot, Expect expect) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Expect(String os, String arch, boolean translated, Integer wsl, String chip, String goamd64,
                  Set<String> notes, String evidence) {
        Expect notes(String... codes) {
            return new Expect(os, arch, translated, wsl, chip, goamd64, Set.of(codes), evidence);
        }

        Expect wsl(int version) {
            return new Expect(os, arch, translated, version, chip, goamd64, notes, evidence);
        }

        /** The evidence.* key that must have decided the chip. */
        Expect evidence(String code) {
            return new Expect(os, arch, translated, wsl, chip, goamd64, notes, code);
        }
    }

    static Expect expect(String os, String arch, boolean translated, String chip, String goamd64) {
        return new Expect(os, arch, translated, null, chip, goamd64, Set.of(), null);
    }

    static Stream<Case> cases() {
        List<Case> c = new ArrayList<>();
        // --- ARM64 Linux: cpuinfo alone (stored dumps hold no DMI or board lines) ---
        // Without DMI, cloud-init or board data the same Arm core is the same CPU to us: the core is named, the
        // vendors' chips are candidates, and BogoMIPS or flags are only a hint (never the name).
        c.add(cpuinfo("Ampere Altra", "cpuinfo_ampere-altra_neoverse-n1.txt", "aarch64",
                expect("linux", "arm64", false, "Arm Neoverse-N1", null).evidence("evidence.midr")
                        .notes("note.chip.ambiguous", "note.chip.hint")));
        c.add(cpuinfo("Apple M1 under Asahi Linux", "cpuinfo_apple-m1_asahi_8cpu.txt", "aarch64",
                expect("linux", "arm64", false, "Apple M1", null)));
        c.add(cpuinfo("AWS Graviton (A1)", "cpuinfo_aws-graviton1_a1_cortex-a72.txt", "aarch64",
                expect("linux", "arm64", false, "Arm Cortex-A72", null).evidence("evidence.midr")
                        .notes("note.chip.ambiguous", "note.chip.hint")));
        c.add(cpuinfo("AWS Graviton2", "cpuinfo_aws-graviton2_neoverse-n1.txt", "aarch64",
                expect("linux", "arm64", false, "Arm Neoverse-N1", null).evidence("evidence.midr")
                        .notes("note.chip.ambiguous", "note.chip.hint")));
        c.add(cpuinfo("AWS Graviton3", "cpuinfo_aws-graviton3_neoverse-v1.txt", "aarch64",
                expect("linux", "arm64", false, "Arm Neoverse-V1", null).evidence("evidence.midr")
                        .notes("note.chip.ambiguous")));
        c.add(cpuinfo("NVIDIA Grace", "cpuinfo_nvidia-grace_neoverse-v2.txt", "aarch64",
                expect("linux", "arm64", false, "Arm Neoverse-V2", null).evidence("evidence.midr")
                        .notes("note.chip.ambiguous", "note.chip.hint")));
        // The same captures with the evidence their machines carry: the vendor's chip, and what decided it.
        c.add(new Case("AWS Graviton2 with EC2 Nitro DMI", "cpuinfo_aws-graviton2_neoverse-n1.txt",
                text -> SnapshotBuilder.linux("aarch64").file("/proc/cpuinfo", text)
                        .file(Dmi.DIR + "product_name", "c6g.large\n").file(Dmi.DIR + "board_asset_tag", "i-0af01c0123456789a\n"),
                expect("linux", "arm64", false, "AWS Graviton2", null).evidence("evidence.dmi")));
        c.add(new Case("AWS Graviton3 with cloud-init's cloud-id", "cpuinfo_aws-graviton3_neoverse-v1.txt",
                text -> SnapshotBuilder.linux("aarch64").file("/proc/cpuinfo", text).file("/run/cloud-init/cloud-id", "aws\n"),
                expect("linux", "arm64", false, "AWS Graviton3", null).evidence("evidence.cloudInit")));
        c.add(new Case("Ampere Altra as a Google Tau T2A VM (DMI)", "cpuinfo_ampere-altra_neoverse-n1.txt",
                text -> SnapshotBuilder.linux("aarch64").file("/proc/cpuinfo", text)
                        .file(Dmi.DIR + "sys_vendor", "Google\n").file(Dmi.DIR + "product_name", "Google Compute Engine\n"),
                expect("linux", "arm64", false, "Ampere Altra", null).evidence("evidence.dmi")));
        c.add(new Case("Neoverse-V2 on a Google VM is Axion, whatever its flags hint", "cpuinfo_nvidia-grace_neoverse-v2.txt",
                text -> SnapshotBuilder.linux("aarch64").file("/proc/cpuinfo", text).file("/run/cloud-init/cloud-id", "gce\n"),
                expect("linux", "arm64", false, "Google Axion", null).evidence("evidence.cloudInit")));
        c.add(cpuinfo("QEMU TCG max", "cpuinfo_qemu-max_tcg.txt", "aarch64",
                expect("linux", "arm64", false, "QEMU virtual CPU ('max', emulated)", null).notes("note.chip.qemu")));
        c.add(cpuinfo("Raspberry Pi Zero, 32-bit", "cpuinfo_raspberry-pi-zero_armv6_pytorch.txt", "arm",
                expect("linux", "armv6l", false, "Raspberry Pi Zero Rev 1.2", null)));
        c.add(new Case("Raspberry Pi 3B, 32-bit userland on a 64-bit kernel", "cpuinfo_raspberry-pi3b_32bit-armv7.txt",
                text -> SnapshotBuilder.linux("arm").file("/proc/cpuinfo", text)
                        .uname("Linux raspberrypi 6.1.21-v8+ #1642 SMP PREEMPT Mon Apr  3 17:24:16 BST 2023 aarch64 GNU/Linux"),
                expect("linux", "armv6l", false, "Raspberry Pi 3 Model B Rev 1.2", null).notes("note.linux.userland32")));
        c.add(cpuinfo("Raspberry Pi 4 without board lines", "cpuinfo_raspberry-pi4_cortex-a72_hrw.txt", "aarch64",
                expect("linux", "arm64", false, "Arm Cortex-A72", null).notes("note.chip.ambiguous", "note.chip.hint")));
        c.add(cpuinfo("Raspberry Pi 5", "cpuinfo_raspberry-pi5_cortex-a76.txt", "aarch64",
                expect("linux", "arm64", false, "Raspberry Pi 5 Model B Rev 1.0", null)));
        // --- x86-64 Linux: model names and GOAMD64 levels from flags ---
        c.add(cpuinfo("AMD EPYC 7451", "cpuinfo_x86_64_amd-epyc-7451_utillinux.txt", "amd64",
                expect("linux", "amd64", false, "AMD EPYC 7451 24-Core Processor", "v3")));
        c.add(cpuinfo("Intel Core i5 M 560 (Westmere)", "cpuinfo_x86_64_intel-i5-M560_dell-e4310_utillinux.txt", "amd64",
                expect("linux", "amd64", false, "Intel Core i5 M 560", "v2")));
        c.add(cpuinfo("Intel Xeon 8488C (Sapphire Rapids)", "cpuinfo_x86_64_intel-sapphirerapids_aws-8488C_eessi.txt", "amd64",
                expect("linux", "amd64", false, "Intel Xeon Platinum 8488C", "v4")));
        c.add(cpuinfo("VirtualBox guest with masked features", "cpuinfo_x86_64_vbox-win-guest_utillinux.txt", "amd64",
                expect("linux", "amd64", false, "Intel Core i5-3317U", "v1")));
        // --- devicetree and DMI ---
        c.add(deviceTree("Raspberry Pi 4 Model B (devicetree)", 0,
                expect("linux", "arm64", false, "Raspberry Pi 4 Model B Rev 1.1", null)));
        c.add(deviceTree("Raspberry Pi 3 Model B (devicetree)", 1,
                expect("linux", "arm64", false, "Raspberry Pi 3 Model B Rev 1.2", null)));
        c.add(deviceTree("Apple MacBook Pro M1 under Asahi (devicetree)", 2,
                expect("linux", "arm64", false, "Apple M1", null)));
        c.add(new Case("AWS EC2 Nitro DMI", "ec2_dmi_nitro_sysfs.txt", text -> {
            SnapshotBuilder b = SnapshotBuilder.linux("amd64");
            for (Map.Entry<String, String> e : catTranscript(text).entrySet()) {
                b.file(e.getKey(), e.getValue() + "\n");
            }
            return b;
        }, expect("linux", "amd64", false, null, null).notes("note.cpuinfo.missing", "note.goamd64.unknown")));
        // --- lscpu output turned back into the cpuinfo it was computed from ---
        c.add(new Case("Ampere Altra Q80-30 (lscpu)", "lscpu_ampere-altra-q80-30_partial.txt",
                text -> SnapshotBuilder.linux("aarch64").file("/proc/cpuinfo", cpuinfoFromLscpu(text)),
                expect("linux", "arm64", false, "Arm Neoverse-N1", null).notes("note.chip.hint")));
        c.add(new Case("Cortex-X3/A715/A710/A510 phone SoC (lscpu)", "lscpu_arm64_A510-A710-A715-X3_utillinux-expected.txt",
                text -> SnapshotBuilder.linux("aarch64").file("/proc/cpuinfo", cpuinfoFromLscpu(text)),
                expect("linux", "arm64", false, "Arm 1× Cortex-X3 + 2× Cortex-A715 + 2× Cortex-A710 + 3× Cortex-A510", null)));
        c.add(new Case("Cortex-X3/A715/A710/A510 phone SoC (sysfs midr_el1, no cpuinfo)",
                "sysfs_midr_el1_arm64_A510-A710-A715-X3_utillinux.txt", text -> {
                    SnapshotBuilder b = SnapshotBuilder.linux("aarch64");
                    text.lines().filter(l -> l.startsWith("/sys/")).forEach(l -> {
                        int colon = l.indexOf(": ");
                        b.file(l.substring(0, colon), l.substring(colon + 2) + "\n");
                    });
                    return b;
                },
                expect("linux", "arm64", false, "Arm 1× Cortex-X3 + 2× Cortex-A715 + 2× Cortex-A710 + 3× Cortex-A510", null)));
        c.add(new Case("amd64 container on Apple silicon (Docker Desktop)", "lscpu_docker-amd64-container-on-apple-silicon_emulated.txt",
                text -> SnapshotBuilder.linux("amd64").file("/proc/cpuinfo", cpuinfoFromLscpu(text))
                        .uname("Linux 3f6a 6.3.13-linuxkit #1 SMP PREEMPT_DYNAMIC " + lscpuValue(text, "Architecture") + " x86_64 x86_64 GNU/Linux")
                        .file("/.dockerenv", ""),
                expect("linux", "amd64", true, null, null).notes("note.linux.emulated", "note.goamd64.emulated")));
        c.add(new Case("AMD EPYC 7451 (lscpu)", "lscpu_x86_64_amd-epyc-7451_utillinux-expected.txt",
                text -> SnapshotBuilder.linux("amd64").file("/proc/cpuinfo", cpuinfoFromLscpu(text)),
                expect("linux", "amd64", false, "AMD EPYC 7451 24-Core Processor", "v3")));
        // --- WSL ---
        c.add(new Case("WSL1 /proc/version", "proc_version_wsl1_build18985.txt",
                text -> SnapshotBuilder.linux("amd64").file("/proc/version", text),
                expect("linux", "amd64", false, null, null).wsl(1)));
        c.add(new Case("WSL2 4.19 /proc/version", "proc_version_wsl2_4.19.67-microsoft-standard.txt",
                text -> SnapshotBuilder.linux("amd64").file("/proc/version", text),
                expect("linux", "amd64", false, null, null).wsl(2)));
        c.add(new Case("WSL2 5.4 /proc/version", "proc_version_wsl2_5.4.72-microsoft-standard-WSL2.txt",
                text -> SnapshotBuilder.linux("amd64").file("/proc/version", text),
                expect("linux", "amd64", false, null, null).wsl(2)));
        c.add(new Case("WSL1 uname -a", "uname-a_wsl1_build19041.txt",
                text -> SnapshotBuilder.linux("amd64").uname(text.strip()),
                expect("linux", "amd64", false, null, null).wsl(1)));
        c.add(new Case("WSL2 uname -a", "uname-a_wsl2_5.15.133.1.txt",
                text -> SnapshotBuilder.linux("amd64").uname(text.strip()),
                expect("linux", "amd64", false, null, null).wsl(2)));
        c.add(new Case("WSL2 by WSL_INTEROP", "wsl_interop_env_run-WSL.txt",
                text -> SnapshotBuilder.linux("amd64").env("WSL_INTEROP", afterCommand(text, "echo $WSL_INTEROP")),
                expect("linux", "amd64", false, null, null).wsl(2)));
        // --- macOS ---
        c.add(new Case("M1, sysctl run natively", "rosetta_sysctl_proc_translated_arch-switch.txt",
                text -> SnapshotBuilder.mac("aarch64").sysctl(afterCommand(text, "arch -arm64 sysctl sysctl.proc_translated")),
                expect("darwin", "arm64", false, "Apple silicon", null)));
        c.add(new Case("M1, sysctl translated by Rosetta 2", "rosetta_sysctl_proc_translated_arch-switch.txt",
                text -> SnapshotBuilder.mac("x86_64").sysctl(afterCommand(text, "arch -x86_64 sysctl sysctl.proc_translated")),
                expect("darwin", "arm64", true, "Apple silicon", null)));
        c.add(new Case("M1 under Rosetta 2: Intel keys unknown", "rosetta_sysctl_unknown-oid_intel-keys.txt",
                text -> SnapshotBuilder.mac("x86_64").sysctl(text),
                expect("darwin", "arm64", true, "Apple silicon", null).notes("note.mac.arch.rosettaInferred")));
        c.add(new Case("M1 Pro/Max under Rosetta 2: uname -a", "rosetta_uname-a_release_arm64_x86_64.txt",
                text -> SnapshotBuilder.mac("x86_64").uname(text.strip()),
                expect("darwin", "arm64", true, "Apple M1 Pro/Max", null).notes("note.mac.arch.fromKernel")));
        c.add(new Case("M1, arm Terminal (uname -m only)", "rosetta_uname-p-m_table_arm-vs-x86-terminal.txt",
                text -> SnapshotBuilder.mac(tableCell(text, "Apple uname", 1)),
                expect("darwin", "arm64", false, "Apple silicon", null)));
        c.add(new Case("M1, x86_64 Terminal with nothing but uname -m: cannot tell", "rosetta_uname-p-m_table_arm-vs-x86-terminal.txt",
                text -> SnapshotBuilder.mac(tableCell(text, "Apple uname", 2)),
                expect("darwin", "amd64", false, null, null).notes("note.mac.arch.unknown")));
        c.add(new Case("Intel Mac (Haswell)", "sysctl_macos_intel-haswell_mojave.txt",
                text -> SnapshotBuilder.mac("x86_64").sysctl(text),
                expect("darwin", "amd64", false, "Intel Core i7-4980HQ", "v3")));
        c.add(new Case("M1, early Big Sur ('Apple processor')", "sysctl_macos_m1_bigsur_early.txt",
                text -> SnapshotBuilder.mac("aarch64").sysctl(text),
                expect("darwin", "arm64", false, "Apple silicon", null).notes("note.mac.chip.generic")));
        c.add(new Case("M1 Pro, Monterey", "sysctl_macos_m1pro_monterey.txt",
                text -> SnapshotBuilder.mac("aarch64").sysctl(text),
                expect("darwin", "arm64", false, "Apple M1 Pro", null)));
        c.add(new Case("M1 Pro, Monterey, translated JVM", "sysctl_macos_m1pro_monterey.txt",
                text -> SnapshotBuilder.mac("x86_64").sysctl(text + "sysctl.proc_translated: 1\n"),
                expect("darwin", "arm64", true, "Apple M1 Pro", null)));
        c.add(new Case("M2, Monterey", "sysctl_macos_m2_monterey.txt",
                text -> SnapshotBuilder.mac("aarch64").sysctl(text),
                expect("darwin", "arm64", false, "Apple M2", null)));
        // --- Windows ---
        c.add(new Case("Windows 11 on ARM, x64 JVM (IsWow64Process2)", "windows-arm64_IsWow64Process2_x64-process.txt",
                text -> windowsMachines(SnapshotBuilder.windows("amd64"), text),
                expect("windows", "arm64", true, null, null)));
        c.add(new Case("Windows on ARM, native arm64 (environment only)", "windows-arm64_env_PROCESSOR_ARCHITECTURE_by-process-arch.txt",
                text -> windowsEnv(SnapshotBuilder.windows("aarch64"), text, "Native arm64 cmd"),
                expect("windows", "arm64", false, null, null).notes("note.windows.noIsWow64Process2")));
        c.add(new Case("Windows on ARM, 32-bit ARM process (environment only)", "windows-arm64_env_PROCESSOR_ARCHITECTURE_by-process-arch.txt",
                text -> windowsEnv(SnapshotBuilder.windows("arm"), text, "Arm32 cmd"),
                expect("windows", "arm64", false, null, null)));
        c.add(new Case("Windows on ARM, x86 process (environment only)", "windows-arm64_env_PROCESSOR_ARCHITECTURE_by-process-arch.txt",
                text -> windowsEnv(SnapshotBuilder.windows("x86"), text, "x86 cmd"),
                expect("windows", "arm64", true, null, null)));
        c.add(new Case("Windows x64, native x64 JVM", "windows-x64_IsWow64Process2_native-x64-process.txt",
                text -> windowsMachines(SnapshotBuilder.windows("amd64"), text),
                expect("windows", "amd64", false, null, null).notes("note.goamd64.windows", "note.machine.unknown.windows")));
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void detectsTheMachineFromItsCapture(Case machine, @TempDir Path tmp) {
        Path dir = machine.snapshot().apply(Fixtures.capture(machine.fixture())).writeTo(tmp.resolve("snapshot"));
        HostInfo host = new HostDetector().detect(new SnapshotHostSource(dir));
        Expect e = machine.expect();
        assertThat(host.os()).as("os").isEqualTo(e.os());
        assertThat(host.arch()).as("arch").isEqualTo(e.arch());
        assertThat(host.translated()).as("translated").isEqualTo(e.translated());
        assertThat(host.wsl()).as("wsl").isEqualTo(e.wsl());
        assertThat(host.chip()).as("chip").isEqualTo(e.chip());
        assertThat(host.goamd64()).as("goamd64").isEqualTo(e.goamd64());
        assertThat(host.notes().stream().map(Note::code).collect(Collectors.toSet())).as("notes").containsAll(e.notes());
        if (host.chip() != null) {
            assertThat(host.chipEvidence()).as("every named chip says what decided it").isNotNull();
        }
        if (e.evidence() != null) {
            assertThat(host.chipEvidence().code()).as("chip evidence").isEqualTo(e.evidence());
        }
        if (host.chip() != null && host.chip().matches("(AWS|NVIDIA|Google|Ampere) .*")) {
            assertThat(host.chipEvidence().code()).as("a vendor's chip is named only from vendor evidence")
                    .isIn("evidence.dmi", "evidence.cloudInit", "evidence.xen");
        }
        if (host.machine() == null) {
            assertThat(host.notes().stream().map(Note::code)).as("an unknown machine model is explained")
                    .anyMatch(code -> code.startsWith("note.machine.unknown"));
        }
        if (e.chip() == null && !e.os().equals("windows") && e.wsl() == null) {
            assertThat(host.notes()).as("an unknown chip is explained").isNotEmpty();
        }
    }

    @Test
    void everyCaptureIsCovered() throws IOException {
        Set<String> covered = cases().map(Case::fixture).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(Fixtures.hosts())) {
            Set<String> captures = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("INDEX.tsv")).collect(Collectors.toSet());
            assertThat(covered).containsExactlyInAnyOrderElementsOf(captures);
        }
    }

    // --- turning captures into snapshot files ---

    private static Case cpuinfo(String name, String fixture, String osArch, Expect expect) {
        return new Case(name, fixture, text -> SnapshotBuilder.linux(osArch).file("/proc/cpuinfo", text), expect);
    }

    private static Case deviceTree(String name, int index, Expect expect) {
        return new Case(name, "devicetree_model_compatible_rpi-apple-m1.txt", text -> {
            List<Map<String, String>> machines = deviceTreeMachines(text);
            Map<String, String> m = machines.get(index);
            SnapshotBuilder b = SnapshotBuilder.linux("aarch64");
            // sysfs strings are NUL-terminated; compatible is a NUL-separated list
            b.file("/sys/firmware/devicetree/base/model", m.get("model") + "\0");
            return b;
        }, expect);
    }

    /** The capture shows three machines; each "model" line starts one, "compatible" follows within it. */
    private static List<Map<String, String>> deviceTreeMachines(String text) {
        List<Map<String, String>> machines = new ArrayList<>();
        Map<String, String> current = null;
        for (Map.Entry<String, String> e : transcripts(text)) {
            String key = e.getKey().substring(e.getKey().lastIndexOf('/') + 1);
            if (current == null || current.containsKey(key)) {
                current = new LinkedHashMap<>();
                machines.add(current);
            }
            current.put(key, e.getValue());
        }
        machines.removeIf(m -> !m.containsKey("model"));
        return machines;
    }

    /** "$ cat PATH" followed by its output, in order (a path may repeat). */
    private static List<Map.Entry<String, String>> transcripts(String text) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        String path = null;
        for (String line : text.split("\n")) {
            Matcher m = Pattern.compile("^(?:\\[.*\\])?\\$\\s+(?:sudo\\s+)?cat\\s+(?:cat\\s+)?(/\\S+)").matcher(line);
            if (m.find()) {
                path = m.group(1);
            } else if (line.contains("$ ")) {
                path = null;
            } else if (path != null && !line.isBlank()) {
                out.add(Map.entry(path, line.strip()));
                path = null;
            }
        }
        return out;
    }

    private static Map<String, String> catTranscript(String text) {
        Map<String, String> files = new LinkedHashMap<>();
        transcripts(text).forEach(e -> files.put(e.getKey(), e.getValue())); // the last capture of a path wins
        return files;
    }

    private static String afterCommand(String text, String command) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).endsWith(command)) {
                return lines.get(i + 1).strip() + "\n";
            }
        }
        throw new IllegalArgumentException("no output for " + command);
    }

    /** A cell of the markdown table: column 1 = arm Terminal, 2 = x86_64 Terminal; the uname -m half. */
    private static String tableCell(String text, String row, int column) {
        String line = text.lines().filter(l -> l.startsWith("| " + row)).findFirst().orElseThrow();
        String cell = line.split("\\|")[column + 1];
        Matcher m = Pattern.compile("`([^`]+)`,\\s*`([^`]+)`").matcher(cell);
        if (!m.find()) {
            throw new IllegalArgumentException(cell);
        }
        return m.group(2);
    }

    private static SnapshotBuilder windowsMachines(SnapshotBuilder b, String text) {
        Map<String, String> names = Map.of("IMAGE_FILE_MACHINE_UNKNOWN", "0x0000", "IMAGE_FILE_MACHINE_AMD64", "0x8664",
                "IMAGE_FILE_MACHINE_ARM64", "0xaa64", "IMAGE_FILE_MACHINE_I386", "0x014c");
        for (String line : text.split("\n")) {
            Matcher m = Pattern.compile("p?(Process|Native)Machine:\\s*(\\S+)").matcher(line.strip());
            if (m.matches()) {
                String key = m.group(1).equals("Process") ? "processMachine" : "nativeMachine";
                b.windowsValue(key, names.getOrDefault(m.group(2), m.group(2)));
            }
        }
        return b;
    }

    private static SnapshotBuilder windowsEnv(SnapshotBuilder b, String text, String section) {
        boolean in = false;
        for (String line : text.split("\n")) {
            if (line.startsWith(section)) {
                in = true;
            } else if (line.isBlank()) {
                in = false;
            } else if (in && line.contains("=")) {
                b.env(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1).strip());
            }
        }
        return b;
    }

    private static String lscpuValue(String text, String key) {
        return lscpu(text).stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).findFirst().orElse("");
    }

    /** lscpu's "Key: value" lines in order, continuation lines joined (Flags wraps in narrow terminals). */
    private static List<Map.Entry<String, String>> lscpu(String text) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9 ()\\-/]*?):\\s*(.*)$").matcher(line);
            if (m.matches()) {
                out.add(Map.entry(m.group(1).strip(), m.group(2).strip()));
            } else if (!line.isBlank() && !out.isEmpty()) {
                Map.Entry<String, String> last = out.removeLast();
                out.add(Map.entry(last.getKey(), last.getValue() + line.strip()));
            }
        }
        return out;
    }

    /**
     * The /proc/cpuinfo that lscpu computed its output from: one block per core of each "Model name"
     * section (Core(s) per socket × Socket(s)), vendor as implementer (ARM) or vendor_id (x86).
     */
    private static String cpuinfoFromLscpu(String text) {
        List<Map.Entry<String, String>> fields = lscpu(text);
        String vendor = lscpuValue(text, "Vendor ID");
        StringBuilder out = new StringBuilder();
        int processor = 0;
        boolean arm = vendor.equals("ARM") || vendor.startsWith("0x");
        List<Map<String, String>> sections = new ArrayList<>();
        Map<String, String> section = null;
        for (Map.Entry<String, String> f : fields) {
            if (f.getKey().equals("Model name") || (section == null && f.getKey().equals("Model"))) {
                section = new LinkedHashMap<>();
                sections.add(section);
            }
            if (section != null) {
                section.putIfAbsent(f.getKey(), f.getValue());
            }
        }
        String sharedFlags = lscpuValue(text, "Flags");
        String sharedBogo = lscpuValue(text, "BogoMIPS");
        for (Map<String, String> s : sections) {
            int cores = Integer.parseInt(s.getOrDefault("Core(s) per socket", "1"))
                    * Integer.parseInt(s.getOrDefault("Socket(s)", "1"));
            if (!arm) {
                cores = 1;
            }
            for (int i = 0; i < cores; i++) {
                out.append("processor\t: ").append(processor++).append('\n');
                if (arm) {
                    String implementer = vendor.equals("ARM") ? "0x41" : vendor;
                    out.append("BogoMIPS\t: ").append(s.getOrDefault("BogoMIPS", sharedBogo)).append('\n');
                    out.append("Features\t: ").append(s.getOrDefault("Flags", sharedFlags)).append('\n');
                    out.append("CPU implementer\t: ").append(implementer).append('\n');
                    Integer part = s.containsKey("Model name") ? ArmCpuCatalog.armPartByName(s.get("Model name")) : null;
                    if (part != null) {
                        out.append("CPU part\t: 0x%03x%n".formatted(part));
                    }
                } else {
                    out.append("vendor_id\t: ").append(vendor).append('\n');
                    out.append("model name\t: ").append(s.get("Model name")).append('\n');
                    out.append("flags\t\t: ").append(sharedFlags).append('\n');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }
}
