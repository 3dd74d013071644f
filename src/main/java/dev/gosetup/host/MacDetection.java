package dev.gosetup.host;

import java.util.Optional;

/**
 * macOS from sysctlbyname read in this process. The rule that matters: hw.optional.arm64 and
 * sysctl.proc_translated see through Rosetta 2, uname's machine and os.arch do not.
 */
final class MacDetection {
    private final HostSource source;
    private final Findings f;

    MacDetection(HostSource source, Findings f) {
        this.source = source;
        this.f = f;
    }

    void run() {
        SysctlValue arm64 = source.sysctl("hw.optional.arm64");
        SysctlValue procTranslated = source.sysctl("sysctl.proc_translated");
        SysctlValue brand = source.sysctl("machdep.cpu.brand_string");
        SysctlValue vendor = source.sysctl("machdep.cpu.vendor");
        Optional<Uname> uname = source.uname();
        String kernelVersion = source.sysctl("kern.version").text()
                .orElseGet(() -> uname.map(Uname::version).orElse(null));
        if (f.processArch == null) {
            f.processArch = uname.map(u -> GoArch.fromMachine(u.machine())).orElse(null);
        }

        f.arch = nativeArch(arm64, procTranslated, brand, vendor, kernelVersion);
        f.translated = isTranslated(procTranslated);
        f.translator = "rosetta2";
        f.chip = chip(brand, kernelVersion);
        f.machine = source.sysctl("hw.model").text().map(String::strip).orElse(null);
        if (f.machine == null) {
            f.note("note.machine.unknown.mac", "sysctl hw.model");
        }
        f.kernel = source.sysctl("kern.osrelease").text().orElseGet(() -> uname.map(Uname::release).orElse(null));
        osVersion();
        if (GoArch.AMD64.equals(f.arch)) {
            goamd64();
        }
    }

    private String nativeArch(SysctlValue arm64, SysctlValue procTranslated, SysctlValue brand, SysctlValue vendor,
                              String kernelVersion) {
        if (arm64.asLong().orElse(0L) == 1 || procTranslated.asLong().orElse(0L) == 1) {
            return GoArch.ARM64;
        }
        if (GoArch.ARM64.equals(f.processArch)) {
            return GoArch.ARM64; // an arm64 process cannot run on an Intel Mac
        }
        if (AppleChips.isArm64Kernel(kernelVersion)) {
            f.note("note.mac.arch.fromKernel");
            return GoArch.ARM64;
        }
        if (arm64 instanceof SysctlValue.Present || arm64.isUnknownOid()) {
            return GoArch.AMD64; // 0, or no such name at all: an Intel Mac
        }
        if (brand.text().flatMap(AppleChips::fromBrandString).isPresent()) {
            f.note("note.mac.arch.fromBrand");
            return GoArch.ARM64;
        }
        if (vendor.isUnknownOid() && GoArch.AMD64.equals(f.processArch)) {
            // Intel Macs always have machdep.cpu.vendor; an x86-64 process that lacks it is translated.
            f.note("note.mac.arch.rosettaInferred");
            return GoArch.ARM64;
        }
        if (vendor.text().map(v -> v.contains("Intel")).orElse(false)) {
            return GoArch.AMD64;
        }
        f.note("note.mac.arch.unknown", f.processArch);
        return f.processArch;
    }

    private boolean isTranslated(SysctlValue procTranslated) {
        if (procTranslated instanceof SysctlValue.Present) {
            return procTranslated.asLong().orElse(0L) == 1;
        }
        if (procTranslated.isUnknownOid()) {
            return false; // Intel Mac, or macOS before 11: nothing to translate
        }
        boolean differs = f.arch != null && f.processArch != null
                && !GoArch.family(f.arch).equals(GoArch.family(f.processArch));
        if (differs) {
            f.note("note.mac.translated.inferred");
        }
        return differs;
    }

    private String chip(SysctlValue brand, String kernelVersion) {
        Optional<String> brandChip = brand.text().flatMap(AppleChips::fromBrandString);
        if (brandChip.isPresent()) {
            f.chipEvidence = Note.of("evidence.sysctl", "machdep.cpu.brand_string", brand.text().get().strip());
            return brandChip.get();
        }
        if (brand.text().map(b -> b.contains("Intel")).orElse(false)) {
            f.chipEvidence = Note.of("evidence.sysctl", "machdep.cpu.brand_string", brand.text().get().strip());
            return HostDetector.cleanCpuName(brand.text().get());
        }
        Optional<String> fromFamily = source.sysctl("hw.cpufamily").asLong()
                .filter(v -> (v & 0xffffffffL) != AppleChips.ROSETTA_VIRTUAL_CPUFAMILY)
                .flatMap(AppleChips::fromCpuFamily);
        if (fromFamily.isPresent()) {
            f.chipEvidence = Note.of("evidence.sysctl", "hw.cpufamily",
                    "0x%08x".formatted(source.sysctl("hw.cpufamily").asLong().orElse(0L) & 0xffffffffL));
            return fromFamily.get();
        }
        Optional<String> fromKernel = AppleChips.fromKernelVersion(kernelVersion);
        if (fromKernel.isPresent()) {
            f.chipEvidence = Note.of("evidence.kernelVersion", kernelVersion.strip());
            return fromKernel.get();
        }
        if (GoArch.ARM64.equals(f.arch)) {
            f.note("note.mac.chip.generic", brand.text().orElse("-"));
            f.chipEvidence = Note.of("evidence.nativeArch", GoArch.ARM64);
            return "Apple silicon";
        }
        f.note("note.chip.unknown", "sysctl machdep.cpu.brand_string, hw.cpufamily, kern.version");
        return null;
    }

    private void osVersion() {
        Optional<String> version = source.sysctl("kern.osproductversion").text()
                .or(() -> source.systemProperty("os.version"));
        if (version.isEmpty()) {
            f.note("note.os.version.unknown", "sysctl kern.osproductversion, os.version");
            return;
        }
        f.osVersion = "macOS " + version.get().strip();
    }

    private void goamd64() {
        Optional<String> features = source.sysctl("machdep.cpu.features").text();
        if (features.isEmpty()) {
            f.note("note.goamd64.unknown");
            return;
        }
        f.goamd64 = Goamd64Level.fromMacFeatures(features.get(),
                source.sysctl("machdep.cpu.leaf7_features").text().orElse(""),
                source.sysctl("machdep.cpu.extfeatures").text().orElse(""));
    }
}
