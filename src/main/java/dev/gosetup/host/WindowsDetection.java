package dev.gosetup.host;

import java.util.Optional;

/**
 * Windows: IsWow64Process2's nativeMachine is the only thing that sees through x64 emulation on ARM64
 * (processMachine is 0 there, as for a native process; GetNativeSystemInfo and PROCESSOR_ARCHITECTURE
 * both say AMD64).
 */
final class WindowsDetection {
    private final HostSource source;
    private final Findings f;

    WindowsDetection(HostSource source, Findings f) {
        this.source = source;
        this.f = f;
    }

    void run() {
        Optional<Integer> nativeMachine = machine("nativeMachine");
        Optional<Integer> processMachine = machine("processMachine");
        // A WOW64 process (x86 or ARM32 on a 64-bit Windows) has a non-zero processMachine.
        processMachine.filter(m -> m != 0).map(GoArch::fromWindowsMachine).ifPresent(a -> f.processArch = a);
        if (f.processArch == null) {
            f.processArch = source.env("PROCESSOR_ARCHITECTURE").map(GoArch::fromProcessorArchitecture).orElse(null);
        }

        if (nativeMachine.isPresent() && GoArch.fromWindowsMachine(nativeMachine.get()) != null) {
            f.arch = GoArch.fromWindowsMachine(nativeMachine.get());
        } else {
            // No IsWow64Process2 (before Windows 10 1709): WOW64 processes still see the native arch in
            // PROCESSOR_ARCHITEW6432, but an x64 process emulated on ARM64 cannot tell.
            Optional<String> wow = source.env("PROCESSOR_ARCHITEW6432");
            f.arch = wow.or(() -> source.env("PROCESSOR_ARCHITECTURE"))
                    .map(GoArch::fromProcessorArchitecture).orElse(f.processArch);
            f.note("note.windows.noIsWow64Process2");
        }
        f.translated = f.arch != null && f.processArch != null
                && !GoArch.family(f.arch).equals(GoArch.family(f.processArch));
        f.translator = "windows-emulation";
        f.chip = source.windows("ProcessorNameString").map(HostDetector::cleanCpuName).orElse(null);
        f.chipEvidence = Note.of("evidence.registry", "ProcessorNameString");
        if (f.chip == null) {
            f.note("note.chip.unknown", "HKLM\\HARDWARE\\DESCRIPTION\\System\\CentralProcessor\\0 ProcessorNameString");
        }
        machineModel();
        osVersion();
        if (GoArch.AMD64.equals(f.arch)) {
            f.note("note.goamd64.windows");
        }
    }

    /** A value from a (possibly hostile) snapshot, fit for a message: no control characters, at most 40. */
    private static String shown(String value) {
        String v = value.replaceAll("\\p{Cntrl}", "?");
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

    private Optional<Integer> machine(String key) {
        return source.windows(key).map(String::strip).flatMap(v -> {
            try {
                return Optional.of(v.startsWith("0x") || v.startsWith("0X")
                        ? Integer.parseInt(v.substring(2), 16) : Integer.parseInt(v));
            } catch (NumberFormatException e) {
                throw new SnapshotException(dev.gosetup.i18n.Problem.of("snapshot.windowsNotNumber", key,
                        shown(v)));
            }
        });
    }

    private void osVersion() {
        Optional<String> build = source.windows("CurrentBuild").map(String::strip);
        if (build.isEmpty()) {
            Optional<String> name = source.systemProperty("os.name");
            f.osVersion = name.orElse(null);
            f.note("note.os.version.unknown", "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion (CurrentBuild)");
            return;
        }
        int buildNumber = parseInt(build.get());
        // ProductName still says "Windows 10" on Windows 11; the build number decides.
        String product = buildNumber >= 22000 ? "Windows 11" : "Windows 10";
        Optional<String> display = source.windows("DisplayVersion");
        String ubr = source.windows("UBR").map(u -> "." + u.strip()).orElse("");
        f.osVersion = product + display.map(d -> " " + d.strip()).orElse("") + " (build " + build.get() + ubr + ")";
        f.kernel = "10.0." + build.get();
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** "LENOVO 21HD", "Microsoft Corporation Surface Laptop 7": the SMBIOS strings under HKLM\HARDWARE\...\BIOS. */
    private void machineModel() {
        Optional<String> vendor = source.windows("SystemManufacturer").map(String::strip).filter(v -> !v.isEmpty());
        Optional<String> product = source.windows("SystemProductName").map(String::strip).filter(v -> !v.isEmpty());
        if (vendor.isEmpty() && product.isEmpty()) {
            f.note("note.machine.unknown.windows", "HKLM\\HARDWARE\\DESCRIPTION\\System\\BIOS");
            return;
        }
        f.machine = Dmi.label(vendor.orElse(null), product.orElse(null)).orElse(null);
    }
}
