package dev.gosetup.host;

import java.util.Optional;

/**
 * Finds out what machine this is, from whatever a {@link HostSource} can tell. It never fails on missing
 * facts: what it cannot tell is left null and explained in a {@link Note}. It fails only on unusable
 * input ({@link SnapshotException}).
 */
public final class HostDetector {

    public HostInfo detect(HostSource source) {
        Findings f = new Findings();
        f.processArch = source.systemProperty("os.arch").map(GoArch::fromJavaOsArch).orElse(null);
        f.os = source.systemProperty("os.name").map(GoArch::goosFromOsName).orElseGet(() -> guessOs(source, f));
        if (f.os == null) {
            f.note("note.os.unknown");
            return f.toHostInfo();
        }
        switch (f.os) {
            case "darwin" -> new MacDetection(source, f).run();
            case "windows" -> new WindowsDetection(source, f).run();
            default -> new LinuxDetection(source, f).run();
        }
        if (f.processArch == null) {
            f.note("note.process.arch.unknown");
        }
        return f.toHostInfo();
    }

    /** A hand-assembled snapshot may lack system.properties; the other facts still say which OS it is. */
    private static String guessOs(HostSource source, Findings f) {
        Optional<Uname> uname = source.uname();
        String guess = null;
        if (uname.isPresent()) {
            guess = GoArch.goosFromOsName(uname.get().sysname());
        } else if (source.windows("nativeMachine").isPresent() || source.windows("CurrentBuild").isPresent()) {
            guess = "windows";
        } else if (source.sysctl("hw.optional.arm64") instanceof SysctlValue.Present
                || source.sysctl("machdep.cpu.brand_string") instanceof SysctlValue.Present) {
            guess = "darwin";
        } else if (source.file("/proc/cpuinfo").isPresent() || source.file("/proc/version").isPresent()) {
            guess = "linux";
        }
        if (guess != null) {
            f.note("note.os.inferred", guess);
        }
        return guess;
    }

    /** "Intel Core i5 M 560" from "Intel(R) Core(TM) i5 CPU       M 560  @ 2.67GHz". */
    static String cleanCpuName(String modelName) {
        if (modelName == null) {
            return null;
        }
        String s = modelName.replaceAll("\\((R|r|TM|tm|C)\\)", " ")
                .replaceAll("\\bCPU\\b", " ")
                .replaceAll("@\\s*[\\d.]+\\s*[GM]Hz", " ")
                .replaceAll("\\s+", " ")
                .strip();
        return s.isEmpty() ? null : s;
    }
}
