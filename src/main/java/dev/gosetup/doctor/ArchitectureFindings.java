package dev.gosetup.doctor;

import dev.gosetup.doctor.Finding.Fix;
import dev.gosetup.host.HostInfo;
import dev.gosetup.inventory.InventoryEntry;
import dev.gosetup.tools.Tool;
import dev.gosetup.tools.ToolScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The architecture doctor: Go-related binaries built for another CPU than this machine's, which hurt even when
 * they run. The classic is an Apple Silicon Mac with an amd64 dlv (debugging fails: "can not run under Rosetta")
 * or an amd64 Go (slow builds under Rosetta, amd64 programs by default, cgo against the wrong C libraries); the
 * same holds for arm64 Windows (x64 emulation) and arm64 Linux (no emulation at all: "exec format error").
 * The host's arch is its native CPU as {@link dev.gosetup.host.HostDetector} tells it, seeing through Rosetta
 * when gosetup itself runs translated (that case has its own finding, app-translated).
 *
 * <p>Covered: every Go install of the inventory other than the active one (whose amd64-on-arm64 case is the
 * amd64-go check), and every Go program in GOBIN and the GOPATH bin folders.
 * TODO(IDE Go, issue 17 item 5): the Go an IDE is set to use (VS Code go.goroot, GoLand's GOROOT) belongs here
 * too; the IDE detection adds its roots as installs to judge with {@link #install}.
 */
public final class ArchitectureFindings {
    /** Argument positions of a tool finding, for the fix that rebuilds it. */
    public static final int ARG_NAME = 0;
    public static final int ARG_FILE = 1;
    public static final int ARG_ACTIVE_ROOT = 5;

    private ArchitectureFindings() {}

    public static List<Finding> of(HostInfo host, List<InventoryEntry> inventory, ToolScan.Result tools) {
        if (host == null || host.arch() == null) {
            return List.of();
        }
        String native_ = nativeArch(host.arch());
        List<Finding> out = new ArrayList<>();
        for (InventoryEntry e : inventory) {
            if (!e.active()) {
                install(host, native_, e).ifPresent(out::add);
            }
        }
        Optional<InventoryEntry> active = inventory.stream().filter(InventoryEntry::active).findFirst()
                .or(() -> inventory.stream().filter(InventoryEntry::sdkActive).findFirst());
        boolean activeWrong = active.map(a -> wrong(a.install().platforms().stream()
                .map(p -> p.replaceFirst("^[^-]+-", "")).toList(), native_)).orElse(false);
        if (tools != null) {
            for (Tool t : tools.tools()) {
                if (t.wrongArch()) {
                    out.add(tool(host, native_, t, active.orElse(null), activeWrong));
                }
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.ok("wrong-arch", "doctor.arch", native_));
        }
        return out;
    }

    /** A Go install of another CPU (not the active one, which the amd64-go check covers). */
    static Optional<Finding> install(HostInfo host, String nativeArch, InventoryEntry e) {
        List<String> archs = e.install().platforms().stream().map(p -> p.replaceFirst("^[^-]+-", "")).toList();
        if (e.install().broken() || archs.isEmpty() || !wrong(archs, nativeArch)) {
            return Optional.empty();
        }
        return Optional.of(Finding.warn(id("wrong-arch-go-", String.valueOf(e.install().version())), "doctor.archGo." + how(host, archs), null,
                String.valueOf(e.install().version()), e.install().root().toString(), String.join("+", archs), nativeArch));
    }

    static Finding tool(HostInfo host, String nativeArch, Tool t, InventoryEntry active, boolean activeWrong) {
        String archs = String.join("+", t.binary().archs());
        String built = t.binary().buildInfo() == null ? "" : t.binary().buildInfo().goVersion();
        String kind = activeWrong ? "goFirst" : t.name().equals("dlv") ? "dlv" : how(host, t.binary().archs());
        boolean canRebuild = !activeWrong && active != null && t.binary().foreignOwner() == null
                && t.binary().buildInfo().main() != null && !"(devel)".equals(t.binary().buildInfo().main().version());
        String target = t.binary().buildInfo().main() == null ? t.binary().buildInfo().path()
                : t.binary().buildInfo().path() + "@" + t.binary().buildInfo().main().version();
        return Finding.warn(id("wrong-arch-tool-", t.name()), "doctor.archTool." + kind, canRebuild ? Fix.REBUILD_TOOL : null,
                t.name(), t.binary().file().toString(), archs, nativeArch, built,
                active == null ? "" : active.install().root().toString(), target,
                active == null ? "" : String.valueOf(active.install().version()));
    }

    /** A stable id for scripts and the window's node ids: the prefix and the name, in characters ids take. */
    static String id(String prefix, String name) {
        return prefix + name.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    /** "translated" where the OS runs amd64 programs on arm64 (Rosetta 2, Windows' x64 emulation), else "cannotRun". */
    private static String how(HostInfo host, List<String> archs) {
        boolean emulated = "arm64".equals(nativeArch(host.arch())) && archs.contains("amd64")
                && ("darwin".equals(host.os()) || "windows".equals(host.os()));
        return emulated ? "translated" : "cannotRun";
    }

    private static boolean wrong(List<String> archs, String nativeArch) {
        return !archs.isEmpty() && !archs.contains(nativeArch);
    }

    /** Go's arch name for binaries: the download arch armv6l is GOARCH arm. */
    private static String nativeArch(String hostArch) {
        return "armv6l".equals(hostArch) ? "arm" : hostArch;
    }
}
