package dev.gosetup.tools;

import dev.gosetup.fetch.CancelToken;
import dev.gosetup.i18n.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reinstalls tools with the active Go: {@code go install PATH@VERSION} per tool, the main package path from the
 * binary's build information and the version of its main module, in place of the file it was found as (see below). The update flow and `gosetup tools --rebuild` both call {@link #plan} (shown first) then {@link #run}.
 *
 * <p>The go command runs with the user's environment (GOPROXY, GOFLAGS, GOPRIVATE, GONOSUMDB, proxies, and
 * {@code go env -w} settings, which it reads itself), except: GOTOOLCHAIN=local, so that the active Go builds it
 * rather than a toolchain a tool's go.mod asks for (a tool that needs a newer Go then fails and says so); GOBIN
 * set to a hidden folder beside the tool; GOOS/GOARCH from the environment dropped, so that the tool is built for the machine
 * the active Go runs on (an exported GOARCH=amd64 is how amd64 tools end up on an arm64 Mac). GOROOT is dropped:
 * the go binary finds its own.
 *
 * <p>go install builds in a work folder and then moves or copies the program into GOBIN; a copy across file
 * systems (its work folder in /tmp) writes the file in place, so a full disk could leave half a program, and a
 * tool the user renamed would not be replaced at all (go install names the file after the package). GOBIN is
 * therefore a fresh hidden folder beside the tool: only a complete, readable Go binary is then renamed over the
 * old one (atomic on one file system); on any failure the old one is untouched.
 */
public final class ToolRebuilder {
    /** What a rebuild of one tool will do, or why it cannot be done. */
    public record Step(Tool tool, String target, Problem cannot) {
        public boolean possible() {
            return cannot == null;
        }
    }

    /** @param go the active Go's go command */
    public record Plan(Path go, String goVersion, List<Step> steps) {
        public Plan {
            steps = List.copyOf(steps);
        }

        public List<Step> possible() {
            return steps.stream().filter(Step::possible).toList();
        }
    }

    public enum Status { REBUILT, FAILED, SKIPPED, CANCELLED }

    /**
     * @param after  the binary as read after the rebuild (null when failed or skipped)
     * @param output the go command's last lines, for the log and a details view (not translated: it is Go's)
     */
    public record Outcome(Step step, Status status, Problem problem, ToolBinary after, String output) {}

    /** Progress, one call before and one after each tool. */
    public interface Listener {
        Listener NONE = new Listener() {};

        default void started(Step step, int index, int total) {}

        default void finished(Outcome outcome, int index, int total) {}
    }

    static final int MAX_OUTPUT = 64 * 1024;
    private final Duration timeout;

    public ToolRebuilder(Duration timeout) {
        this.timeout = timeout;
    }

    public ToolRebuilder() {
        this(Duration.ofMinutes(15));
    }

    /**
     * @param tools     the tools asked for (non-Go files are left out; a Go binary that cannot be rebuilt is kept
     *                  with its reason)
     * @param activeRoot the active Go's GOROOT
     * @param goVersion  its version (go1.23.5), for the plan's words
     */
    public static Plan plan(List<Tool> tools, Path activeRoot, String goVersion, boolean windows) {
        Path go = activeRoot.resolve("bin").resolve(windows ? "go.exe" : "go");
        List<Step> steps = new ArrayList<>();
        for (Tool t : tools) {
            if (!t.isGo()) {
                continue;
            }
            GoBuildInfo bi = t.binary().buildInfo();
            String version = bi.main() == null ? "" : bi.main().version();
            if (bi.path().isEmpty() || bi.main() == null) {
                steps.add(new Step(t, null, Problem.of("tools.rebuild.noModule", t.name())));
            } else if (version.equals("(devel)") || version.isEmpty()) {
                steps.add(new Step(t, null, Problem.of("tools.rebuild.devel", t.name(), bi.path())));
            } else if (version.endsWith("+dirty")) {
                steps.add(new Step(t, null, Problem.of("tools.rebuild.dirty", t.name(), version)));
            } else if (t.binary().foreignOwner() != null) {
                steps.add(new Step(t, null, Problem.of("tools.rebuild.foreign", t.name(), t.binary().foreignOwner())));
            } else {
                steps.add(new Step(t, bi.path() + "@" + version, null));
            }
        }
        return new Plan(go, goVersion, steps);
    }

    /**
     * What the update flow offers after a new Go became active: the tools in GOBIN and GOPATH/bin built with an older
     * Go or for another CPU, planned for a rebuild with the new Go. Show {@link Plan#steps()}, then {@link #run}.
     *
     * @param env      the user's environment (GOPATH, GOBIN, GOENV as the go command reads them)
     * @param os       mac, linux or windows
     * @param hostArch this machine's native CPU (HostInfo.arch()), or null
     */
    /**
     * After an update of this user's active Go to {@code active} (in {@code activeRoot}): how many of their tools
     * {@link #planAfterUpdate} would rebuild — what the update flow offers, in the CLI and the window. Reading the
     * tools must never fail the update that already succeeded: unreadable bin folders count as none.
     */
    public static int staleAfterUpdate(Path home, Path activeRoot, dev.gosetup.release.GoVersion active, String hostArch) {
        try {
            String os = dev.gosetup.shell.ShellFiles.osOf(System.getProperty("os.name", ""));
            return planAfterUpdate(System.getenv(), os, home, activeRoot, active, hostArch).steps().size();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    public static Plan planAfterUpdate(Map<String, String> env, String os, Path home, Path activeRoot,
                                       dev.gosetup.release.GoVersion active, String hostArch) {
        ToolScan.Result scan = ToolScan.scan(GoBinDirs.resolve(env, os, home, activeRoot), active, hostArch, System.getProperty("user.name"));
        List<Tool> stale = scan.tools().stream().filter(t -> t.olderGo() || t.wrongArch()).toList();
        return plan(stale, activeRoot, active.name(), os.equals("windows"));
    }

    /** Rebuilds each possible step in order; one tool's failure does not stop the others. */
    public List<Outcome> run(Plan plan, Map<String, String> env, Listener listener, CancelToken cancel) {
        List<Outcome> outcomes = new ArrayList<>();
        int total = plan.steps().size();
        for (int i = 0; i < total; i++) {
            Step step = plan.steps().get(i);
            listener.started(step, i, total);
            Outcome o;
            if (!step.possible()) {
                o = new Outcome(step, Status.SKIPPED, step.cannot(), null, "");
            } else if (cancel.isCancelled()) {
                o = new Outcome(step, Status.CANCELLED, null, null, "");
            } else {
                o = rebuild(plan.go(), step, env, cancel);
            }
            outcomes.add(o);
            listener.finished(o, i, total);
        }
        return outcomes;
    }

    private Outcome rebuild(Path go, Step step, Map<String, String> env, CancelToken cancel) {
        Path target = step.tool().binary().file();
        Path work;
        try {
            // beside the tool, so that the final move is a rename on one file system (atomic), and hidden from scans
            work = Files.createTempDirectory(target.getParent(), ".gosetup-rebuild-");
        } catch (IOException e) {
            return new Outcome(step, Status.FAILED, Problem.of("tools.rebuild.noWorkFolder", target.getParent(),
                    dev.gosetup.i18n.Problems.of(e)), null, "");
        }
        String output = "";
        try {
            ProcessBuilder pb = new ProcessBuilder(go.toString(), "install", step.target()).redirectErrorStream(true)
                    .directory(Path.of(System.getProperty("java.io.tmpdir")).toFile()); // outside any module or go.work
            Map<String, String> e = pb.environment();
            e.clear();
            e.putAll(environment(env, work));
            Process p = pb.start();
            byte[] out = drain(p.getInputStream(), p, cancel);
            output = new String(out, StandardCharsets.UTF_8);
            boolean exited = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!exited || cancel.isCancelled()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Outcome(step, cancel.isCancelled() ? Status.CANCELLED : Status.FAILED,
                        cancel.isCancelled() ? null : Problem.of("tools.rebuild.timeout", step.target(), timeout), null, output);
            }
            if (p.exitValue() != 0) {
                return new Outcome(step, Status.FAILED, failure(step, output, p.exitValue()), null, output);
            }
            // go install names the program after the package (a renamed tool keeps its own name here)
            Path built;
            try (var files = Files.list(work)) {
                built = files.filter(Files::isRegularFile).findFirst().orElse(null);
            }
            ToolBinary fresh = built == null ? null : GoBinaryReader.read(built, null);
            if (fresh == null || fresh.kind() != ToolBinary.Kind.GO) {
                return new Outcome(step, Status.FAILED, Problem.of("tools.rebuild.broken", target), null, output);
            }
            Files.move(built, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Outcome(step, Status.REBUILT, null, GoBinaryReader.read(target, null), output);
        } catch (IOException ex) {
            return new Outcome(step, Status.FAILED, Problem.of("tools.rebuild.couldNotRun", go, dev.gosetup.i18n.Problems.of(ex)), null, output);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Outcome(step, Status.CANCELLED, null, null, output);
        } finally {
            deleteQuietly(work);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover hidden folder (".gosetup-rebuild-…") is skipped by every scan; the next run makes a new one
        }
    }

    /** The environment the go command runs with (see the class comment). */
    static Map<String, String> environment(Map<String, String> env, Path gobin) {
        Map<String, String> e = new HashMap<>(env);
        e.remove("GOROOT");
        e.remove("GOOS");
        e.remove("GOARCH");
        e.put("GOTOOLCHAIN", "local");
        e.put("GOBIN", gobin.toString());
        return e;
    }

    /** Go's words, kept to its last lines; a known cause gets its own key. */
    private static Problem failure(Step step, String output, int exit) {
        String last = tail(output);
        if (output.contains("requires go >=") || output.contains("GOTOOLCHAIN=local")) {
            return Problem.of("tools.rebuild.needsNewerGo", step.target(), last);
        }
        return Problem.of("tools.rebuild.failed", step.target(), exit, last);
    }

    static String tail(String output) {
        List<String> lines = output.strip().lines().toList();
        String t = String.join("\n", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
        return t.length() > 2000 ? t.substring(t.length() - 2000) : t;
    }

    /** Reads the go command's output, keeping the last {@link #MAX_OUTPUT} bytes; stops on cancel. */
    private static byte[] drain(InputStream in, Process p, CancelToken cancel) throws IOException {
        java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            kept.write(buf, 0, n);
            if (kept.size() > 2 * MAX_OUTPUT) {
                byte[] all = kept.toByteArray();
                kept.reset();
                kept.write(all, all.length - MAX_OUTPUT, MAX_OUTPUT);
            }
            if (cancel.isCancelled()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                break;
            }
        }
        return kept.toByteArray();
    }
}
