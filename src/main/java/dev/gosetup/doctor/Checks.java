package dev.gosetup.doctor;

import dev.gosetup.doctor.Finding.Fix;
import dev.gosetup.i18n.Problem;
import dev.gosetup.inventory.InventoryEntry;
import dev.gosetup.inventory.Source;
import dev.gosetup.project.GoVersions;
import dev.gosetup.project.Gotoolchain;
import dev.gosetup.release.GoVersion;
import dev.gosetup.shell.BlockEditor;
import dev.gosetup.shell.Conflict;
import dev.gosetup.shell.ConflictScanner;
import dev.gosetup.shell.DamagedBlockException;
import dev.gosetup.shell.terminal.Verdict;
import java.io.File;
import java.nio.charset.StandardCharsets;
import dev.gosetup.files.PathList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The health checks, each a pure function of a {@link DoctorInput}: a result, the words that explain it
 * (resource keys doctor.ID.title / .detail) and, where the app can, a fix.
 */
public final class Checks {
    private Checks() {}

    public static List<Finding> run(DoctorInput in) {
        List<Finding> out = new ArrayList<>();
        out.add(goOnPath(in));
        out.addAll(TerminalFindings.of(in.terminals(), in.home()));
        out.add(pathOrder(in));
        out.add(amd64OnArm64(in));
        out.add(appTranslated(in));
        out.add(goroot(in));
        out.add(gopathInGoroot(in));
        out.add(gopathBinOnPath(in));
        out.add(pathEntriesUsable(in));
        out.add(go111module(in));
        out.add(toolchain(in));
        out.add(switching(in));
        out.add(goproxy(in));
        if (!in.network().isEmpty()) {
            out.add(network(in));
        }
        out.add(cgo(in));
        if (in.host() != null && in.host().wsl() != null) {
            out.add(wslWindowsGo(in));
        }
        out.add(crlf(in));
        if (in.os().equals("mac")) {
            out.add(pathsD(in));
        }
        out.addAll(startupFiles(in));
        out.add(startupBlocks(in));
        out.add(conflicts(in));
        return out;
    }

    /** One failure per startup file that is not a file we may read (a FIFO, a device, a folder, far too large). */
    static List<Finding> startupFiles(DoctorInput in) {
        if (in.unusable().isEmpty()) {
            return List.of(Finding.ok("startup-file", "doctor.startupFile"));
        }
        return in.unusable().stream().map(u -> Finding.fail("startup-file", "startup.unusable." + u.kind().name(), null,
                u.file().toString(), u.real().toString(), String.valueOf(u.sizeMb()))).toList();
    }

    private static Optional<InventoryEntry> active(DoctorInput in) {
        return in.inventory().stream().filter(InventoryEntry::active).findFirst();
    }

    private static Optional<InventoryEntry> chosen(DoctorInput in) {
        return in.inventory().stream().filter(InventoryEntry::sdkActive).findFirst();
    }

    private static String version(InventoryEntry e) {
        return String.valueOf(e.install().version());
    }

    /**
     * This process's PATH is as it was when it started: after `env --apply` it is stale by nature, while new
     * terminals are fine. Said plainly, never as "no go on PATH".
     */
    static boolean onlyThisProcessIsStale(DoctorInput in) {
        return in.terminals().newTerminalsFine() && active(in).map(a -> !a.sdkActive()).orElse(true);
    }

    static Finding goOnPath(DoctorInput in) {
        if (onlyThisProcessIsStale(in)) {
            return Finding.ok("go-on-path", "doctor.staleProcess");
        }
        boolean someNewTerminalIsFine = in.terminals().checks().stream().anyMatch(c -> c.verdict() == Verdict.OURS);
        if (someNewTerminalIsFine && active(in).map(a -> !a.sdkActive()).orElse(true)) {
            return Finding.ok("go-on-path", "doctor.staleProcess.partly"); // each shell's own finding says the rest
        }
        return active(in).map(a -> Finding.ok("go-on-path", "doctor.goOnPath", version(a), a.install().root().toString()))
                .orElseGet(() -> Finding.fail("go-on-path", "doctor.goOnPath", chosen(in).isPresent() ? Fix.APPLY_ENV : null));
    }

    /** More than one Go on PATH and the first is not the one chosen here: show the order. */
    static Finding pathOrder(DoctorInput in) {
        Optional<InventoryEntry> active = active(in);
        Optional<InventoryEntry> chosen = chosen(in);
        if (onlyThisProcessIsStale(in)) {
            return Finding.ok("path-order", "doctor.pathOrder.newTerminals");
        }
        if (active.isEmpty() || chosen.isEmpty() || chosen.get().active()) {
            return Finding.ok("path-order", "doctor.pathOrder");
        }
        List<String> order = new ArrayList<>();
        in.inventory().stream().filter(e -> e.onPath() >= 0).sorted((a, b) -> Integer.compare(a.onPath(), b.onPath()))
                .forEach(e -> order.add((e.onPath() + 1) + ". " + e.install().root() + "/bin" + whoAdded(in, e)));
        return Finding.warn("path-order", "doctor.pathOrder", Fix.APPLY_ENV, version(active.get()), active.get().install().root().toString(),
                version(chosen.get()), String.join("\n", order));
    }

    /** " (from ~/.zprofile line 3)" when a startup file names this Go's bin; "" when it cannot tell. */
    static String whoAdded(DoctorInput in, InventoryEntry e) {
        String bin = e.install().root() + "/bin";
        String homeRelative = bin.startsWith(in.home().toString()) ? "$HOME" + bin.substring(in.home().toString().length()) : null;
        for (Map.Entry<Path, byte[]> f : in.startupFiles().entrySet()) {
            List<String> lines = new String(f.getValue(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (!l.strip().startsWith("#") && (l.contains(bin) || homeRelative != null && l.contains(homeRelative))) {
                    return " (" + f.getKey().getFileName() + ":" + (i + 1) + ")";
                }
            }
        }
        return "";
    }

    static Finding amd64OnArm64(DoctorInput in) {
        return active(in).filter(a -> a.warnings().contains("amd64OnArm64"))
                .map(a -> Finding.warn("amd64-go", "doctor.amd64Go", chosen(in).isPresent() ? Fix.APPLY_ENV : null,
                        version(a), a.install().root().toString()))
                .orElseGet(() -> Finding.ok("amd64-go", "doctor.amd64Go"));
    }

    static Finding appTranslated(DoctorInput in) {
        if (in.host() != null && in.host().translated()) {
            return Finding.warn("app-translated", "doctor.appTranslated", null, String.valueOf(in.host().translator()));
        }
        return Finding.ok("app-translated", "doctor.appTranslated");
    }

    /** GOROOT set to another root than the go that runs: "version does not match" build errors. */
    static Finding goroot(DoctorInput in) {
        String goroot = in.env().get("GOROOT");
        Optional<InventoryEntry> active = active(in);
        if (goroot == null || goroot.isBlank() || active.isEmpty()) {
            return Finding.ok("goroot", "doctor.goroot");
        }
        if (same(Path.of(goroot), active.get().install().root())) {
            return Finding.ok("goroot", "doctor.goroot");
        }
        return Finding.fail("goroot", "doctor.goroot", Fix.APPLY_ENV_DISABLE_CONFLICTS, goroot, active.get().install().root().toString());
    }

    static Finding gopathInGoroot(DoctorInput in) {
        Path gopath = gopath(in);
        return active(in).filter(a -> gopath.toAbsolutePath().normalize().startsWith(a.install().root().toAbsolutePath().normalize()))
                .map(a -> Finding.fail("gopath-in-goroot", "doctor.gopathInGoroot", null, gopath.toString(), a.install().root().toString()))
                .orElseGet(() -> Finding.ok("gopath-in-goroot", "doctor.gopathInGoroot"));
    }

    static Finding gopathBinOnPath(DoctorInput in) {
        Path bin = gopath(in).resolve("bin");
        boolean on = pathEntries(in).dirs().stream().anyMatch(p -> same(p, bin));
        return on ? Finding.ok("gopath-bin", "doctor.gopathBin", bin.toString())
                : Finding.warn("gopath-bin", "doctor.gopathBin", Fix.APPLY_ENV, bin.toString());
    }

    static Finding go111module(DoctorInput in) {
        String v = value(in, "GO111MODULE");
        return "off".equalsIgnoreCase(v) ? Finding.warn("go111module", "doctor.go111module", null, where(in, "GO111MODULE"))
                : Finding.ok("go111module", "doctor.go111module");
    }

    /**
     * GOTOOLCHAIN (environment or Go's env file) or a go.mod `toolchain` line make `go version` report
     * another Go than the installed one — explained, not "fixed". GOSUMDB=off breaks the switch.
     */
    static Finding toolchain(DoctorInput in) {
        String gotoolchain = value(in, "GOTOOLCHAIN");
        String gosumdb = value(in, "GOSUMDB");
        boolean switching = gotoolchain != null && !gotoolchain.isBlank() && !gotoolchain.equals("local");
        String active = active(in).map(Checks::version).orElse(null);
        boolean modNewer = in.goModToolchain() != null && active != null
                && GoVersion.parse(in.goModToolchain()).flatMap(t -> GoVersion.parse(active).map(a -> t.compareTo(a) > 0)).orElse(false);
        if ((switching || modNewer) && "off".equalsIgnoreCase(gosumdb)) {
            return Finding.fail("gotoolchain", "doctor.gosumdbOff", null, where(in, "GOSUMDB"));
        }
        if (switching && !gotoolchain.equals("auto")) {
            return Finding.warn("gotoolchain", "doctor.gotoolchain", null, visible(gotoolchain), where(in, "GOTOOLCHAIN"));
        }
        if (modNewer) {
            return Finding.warn("gotoolchain", "doctor.goModToolchain", null, in.goModToolchain(), active);
        }
        return Finding.ok("gotoolchain", "doctor.gotoolchain");
    }

    /**
     * Toolchain switching in plain words: how the GOTOOLCHAIN in effect behaves (path: only the go1.X.Y commands on
     * PATH, gosetup's verified installs; auto: those, else a download; local: never), and the classic surprises: an
     * active Go older than 1.21 cannot switch at all, and a GOTOOLCHAIN written by {@code go env -w} silently replaces
     * the Go's own default in every terminal that does not set it.
     */
    static Finding switching(DoctorInput in) {
        Optional<String> active = active(in).map(Checks::version).map(v -> v.startsWith("go") ? v.substring(2) : v)
                .filter(GoVersions::isValid);
        if (active.isPresent() && GoVersions.compare(active.get(), "1.21") < 0) {
            return Finding.warn("toolchain-switching", "doctor.switchingTooOld", null, "go" + active.get());
        }
        String fromEnv = in.env().get("GOTOOLCHAIN");
        String fromFile = in.goEnvFile().get("GOTOOLCHAIN");
        if ((fromEnv == null || fromEnv.isEmpty()) && fromFile != null && !fromFile.isEmpty()) {
            return Finding.warn("toolchain-switching", "doctor.gotoolchainGoEnvW", null, visible(fromFile));
        }
        String value = value(in, "GOTOOLCHAIN");
        if (value == null || value.isEmpty()) {
            return Finding.ok("toolchain-switching", "doctor.switching.default");
        }
        Gotoolchain.Mode mode = Gotoolchain.Mode.of(value);
        if (!mode.valid()) {
            return Finding.fail("toolchain-switching", "doctor.switchingInvalid", null, visible(value), where(in, "GOTOOLCHAIN"));
        }
        String kind = mode.pathOnly() ? "path" : mode.readsGoMod() ? "auto" : "local";
        return Finding.ok("toolchain-switching", "doctor.switching." + kind, visible(value), where(in, "GOTOOLCHAIN"));
    }

    static Finding goproxy(DoctorInput in) {
        String proxy = value(in, "GOPROXY");
        if ("off".equalsIgnoreCase(proxy)) {
            return Finding.fail("goproxy", "doctor.goproxyOff", null, where(in, "GOPROXY"));
        }
        if ("direct".equalsIgnoreCase(proxy)) {
            return Finding.warn("goproxy", "doctor.goproxyDirect", null, where(in, "GOPROXY"));
        }
        return Finding.ok("goproxy", "doctor.goproxy", proxy == null ? "https://proxy.golang.org,direct" : visible(proxy));
    }

    static Finding network(DoctorInput in) {
        Problem failed = null; // one line per host: "URL: what went wrong", in the reader's language
        List<String> fine = new ArrayList<>();
        for (Reachability.Result r : in.network().reversed()) {
            if (r.problem() == null) {
                fine.addFirst(r.url());
            } else {
                Problem line = Problem.of("doctor.network.failure", r.url(), r.problem());
                failed = failed == null ? line : Problem.of("doctor.lines", line, failed);
            }
        }
        return failed == null ? Finding.ok("network", "doctor.network", String.join(", ", fine))
                : Finding.fail("network", "doctor.network", null, failed);
    }

    static Finding cgo(DoctorInput in) {
        if (in.cCompiler() != null) {
            return Finding.ok("cgo", "doctor.cgo", in.cCompiler());
        }
        return Finding.warn("cgo", in.os().equals("mac") ? "doctor.cgoMac" : "doctor.cgo", null);
    }

    static Finding wslWindowsGo(DoctorInput in) {
        return active(in).filter(a -> a.install().source() == Source.WSL_WINDOWS || a.install().root().toString().startsWith("/mnt/"))
                .map(a -> Finding.fail("wsl-windows-go", "doctor.wslWindowsGo", chosen(in).isPresent() ? Fix.APPLY_ENV : null,
                        a.install().root().toString()))
                .orElseGet(() -> Finding.ok("wsl-windows-go", "doctor.wslWindowsGo"));
    }

    /** CRLF in a bash/zsh file: every line ends in a stray \r ("$'\r': command not found"). */
    static Finding crlf(DoctorInput in) {
        for (Map.Entry<Path, byte[]> f : in.startupFiles().entrySet()) {
            String name = f.getKey().getFileName().toString();
            if (!name.endsWith(".ps1") && new String(f.getValue(), StandardCharsets.ISO_8859_1).contains("\r\n")) {
                return Finding.fail("crlf", "doctor.crlf", Fix.CRLF_TO_LF, f.getKey().toString());
            }
        }
        return Finding.ok("crlf", "doctor.crlf");
    }

    static Finding pathsD(DoctorInput in) {
        return in.pathsDGoExists() ? Finding.warn("paths-d", "doctor.pathsD", null) : Finding.ok("paths-d", "doctor.pathsD");
    }

    static Finding startupBlocks(DoctorInput in) {
        for (Map.Entry<Path, byte[]> f : in.startupFiles().entrySet()) {
            try {
                BlockEditor.hasBlock(f.getValue());
            } catch (DamagedBlockException e) {
                return e.lines() != null ? Finding.fail("startup-block", "doctor.startupBlock", null, f.getKey().toString(), e.lines())
                        : Finding.fail("startup-block", "doctor.startupEncoding", null, f.getKey().toString());
            }
        }
        return Finding.ok("startup-block", "doctor.startupBlock");
    }

    static Finding conflicts(DoctorInput in) {
        List<String> lines = new ArrayList<>();
        boolean fixable = false;
        for (Map.Entry<Path, byte[]> f : in.startupFiles().entrySet()) {
            try {
                for (Conflict c : ConflictScanner.scan(f.getKey(), f.getValue())) {
                    if (c.kind() != Conflict.Kind.GO_VARIABLE) {
                        lines.add(f.getKey().getFileName() + ":" + (c.line() + 1) + "  " + c.text().strip());
                        fixable |= c.canDisable();
                    }
                }
            } catch (DamagedBlockException e) {
                // reported by startupBlocks
            }
        }
        return lines.isEmpty() ? Finding.ok("conflicts", "doctor.conflicts")
                : Finding.warn("conflicts", "doctor.conflicts", fixable ? Fix.APPLY_ENV_DISABLE_CONFLICTS : null, String.join("\n", lines));
    }

    // --- helpers ---

    /** GOPATH as Go computes it: the environment, else Go's env file, else ~/go (its first entry if a list). */
    static Path gopath(DoctorInput in) {
        String v = value(in, "GOPATH");
        return v == null || v.isBlank() ? in.home().resolve("go") : Path.of(v.split(File.pathSeparator)[0]);
    }

    /** The environment wins over Go's env file, as in `go env`. */
    static String value(DoctorInput in, String name) {
        String v = in.env().get(name);
        return v != null && !v.isEmpty() ? v : in.goEnvFile().get(name);
    }

    /**
     * A value as go sees it, with its control characters shown rather than acted on by the terminal: a CRLF env file
     * gives go "direct\r" (go keeps the CR), which printed as is would move the cursor back over the line.
     */
    static String visible(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /** Where the value came from, in words that need no translation: "$GOPROXY" or "go env -w GOPROXY". */
    static String where(DoctorInput in, String name) {
        String v = in.env().get(name);
        return v != null && !v.isEmpty() ? "$" + name : "go env -w " + name;
    }

    /** The PATH a new terminal has when the shells were asked; else this process's own. */
    static PathList pathEntries(DoctorInput in) {
        var terminal = in.terminals().first();
        if (terminal.isPresent() && !in.os().equals("windows")) {
            return PathList.parse(terminal.get().path(), false);
        }
        return processPath(in);
    }

    /** This process's PATH (Path on Windows), parsed as the untrusted text it is. */
    static PathList processPath(DoctorInput in) {
        boolean windows = in.os().equals("windows");
        return PathList.parse(in.env().getOrDefault(windows ? "Path" : "PATH", in.env().getOrDefault("PATH", "")), windows);
    }

    /** Entries of PATH that cannot name a folder (stray quotes, characters no path may hold): said, then skipped. */
    static Finding pathEntriesUsable(DoctorInput in) {
        List<String> bad = processPath(in).unusable();
        return bad.isEmpty() ? Finding.ok("path-entries", "doctor.pathEntries")
                : Finding.warn("path-entries", "doctor.pathEntries", null, String.join("\n", bad));
    }

    private static boolean same(Path a, Path b) {
        try {
            return a.toRealPath().equals(b.toRealPath());
        } catch (java.io.IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
