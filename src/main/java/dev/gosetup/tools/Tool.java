package dev.gosetup.tools;

import dev.gosetup.release.GoVersion;
import java.util.Optional;

/**
 * A binary of a bin folder, judged against the active Go and this machine.
 *
 * @param binary     what its bytes say
 * @param builtWith  the Go that built it, parsed (empty for a development toolchain or a non-Go file)
 * @param linesBehind how many minor lines older than the active Go it was built with (0: same line, an older patch);
 *                   -1 when not older (or not to be told)
 * @param wrongArch  built for another CPU than this machine's (an amd64 tool on an arm64 Mac runs under Rosetta at best)
 */
public record Tool(ToolBinary binary, Optional<GoVersion> builtWith, int linesBehind, boolean wrongArch) {

    public boolean olderGo() {
        return linesBehind >= 0;
    }

    public boolean isGo() {
        return binary.kind() == ToolBinary.Kind.GO;
    }

    public String name() {
        return binary.name();
    }

    /** The Go version a binary records: "go1.21.13" of "go1.21.13 X:boringcrypto"; empty for "devel …". */
    static Optional<GoVersion> goVersion(String recorded) {
        if (recorded == null) {
            return Optional.empty();
        }
        String first = recorded.strip().split("\\s+", 2)[0];
        return GoVersion.parse(first);
    }

    /** Judges a binary: older Go than {@code active} (null: not told), and another CPU than {@code hostArch} (null: not told). */
    static Tool judge(ToolBinary binary, GoVersion active, String hostArch) {
        Optional<GoVersion> built = binary.buildInfo() == null ? Optional.empty() : goVersion(binary.buildInfo().goVersion());
        int behind = -1;
        if (active != null && built.isPresent() && built.get().compareTo(active) < 0) {
            behind = built.get().major() == active.major() ? Math.max(0, active.minor() - built.get().minor()) : active.minor();
        }
        hostArch = "armv6l".equals(hostArch) ? "arm" : hostArch; // the download name of GOARCH=arm
        boolean wrong = hostArch != null && binary.kind() == ToolBinary.Kind.GO && !binary.archs().isEmpty()
                && !binary.archs().contains(hostArch);
        return new Tool(binary, built, behind, wrong);
    }
}
