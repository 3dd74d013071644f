package dev.gosetup.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The Windows side of `gosetup env`: what the registry environment must say for an {@link EnvSpec}, and
 * the record of what we changed (windows-env.json beside our scripts) that undo needs. Every new process
 * sees the user environment, cmd.exe and Explorer-started IDEs included, which no profile script reaches.
 */
public final class WindowsUserEnvironment {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final UserEnvironment env;
    private final WindowsEnvEditor editor;
    private final Path record;

    public WindowsUserEnvironment(UserEnvironment env, WindowsEnvEditor editor, Path scriptsDir) {
        this(env, null, editor, scriptsDir);
    }

    /**
     * @param machineEnv the machine environment, read only: new processes get its Path before the user's, so it
     *                   decides whether our Go wins and how long their Path is (null: not known, not checked)
     */
    public WindowsUserEnvironment(UserEnvironment env, UserEnvironment machineEnv, WindowsEnvEditor editor, Path scriptsDir) {
        this(env, machineEnv, editor, scriptsDir.resolve("windows-env.json"), false);
    }

    private final boolean machine;
    private final UserEnvironment machineEnv;

    private WindowsUserEnvironment(UserEnvironment env, UserEnvironment machineEnv, WindowsEnvEditor editor, Path record, boolean machine) {
        this.env = env;
        this.machineEnv = machineEnv;
        this.editor = editor;
        this.record = record;
        this.machine = machine;
    }

    /**
     * The machine environment (HKLM), for IT: only Go's bin goes on the machine PATH; GOPATH stays per user
     * (%USERPROFILE% is not defined when Windows builds the machine environment).
     */
    public static WindowsUserEnvironment machine(UserEnvironment env, WindowsEnvEditor editor, Path recordDir) {
        return new WindowsUserEnvironment(env, null, editor, recordDir.resolve("windows-machine-env.json"), true);
    }

    /** PATH entries under the profile folder are written as %USERPROFILE%\…, so they survive a renamed account. */
    static WindowsEnvEditor.Request request(EnvSpec spec) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("GOPATH", windowsPath(spec, spec.gopath()));
        if (spec.setGoroot()) {
            vars.put("GOROOT", windowsPath(spec, spec.goLink()));
        }
        vars.putAll(spec.goVariables());
        List<String> path = new ArrayList<>(List.of(windowsPath(spec, spec.goBin()), windowsPath(spec, spec.gopathBin()),
                windowsPath(spec, spec.versionCommands())));
        return new WindowsEnvEditor.Request(path, vars);
    }

    static String windowsPath(EnvSpec spec, Path p) {
        String rel = EnvScripts.underHome(spec, p);
        return rel == null ? p.toString() : rel.isEmpty() ? "%USERPROFILE%" : "%USERPROFILE%\\" + rel.replace('/', '\\');
    }

    private WindowsEnvEditor.Request requestFor(EnvSpec spec) {
        if (!machine) {
            return request(spec);
        }
        Map<String, String> vars = new LinkedHashMap<>(spec.goVariables());
        if (spec.setGoroot()) {
            vars.put("GOROOT", spec.goLink().toString());
        }
        return new WindowsEnvEditor.Request(List.of(spec.goBin().toString(), spec.versionCommands().toString()), vars);
    }

    public WindowsEnvPlan plan(EnvSpec spec) throws IOException {
        return editor.plan(env, requestFor(spec));
    }

    /**
     * What new processes will get once {@code plan} is applied, against the machine Path they also get (read from
     * {@code machineEnv}): the machine folder whose go.exe still wins over ours (the Go MSI's), and the length of the
     * whole Path. For the machine scope itself there is nothing in front of it.
     *
     * @param hasGo whether a folder holds go.exe (on Windows: the file system; in tests: captured facts)
     */
    public MachineCheck check(WindowsEnvPlan plan, UserEnvironment machineEnv, Function<String, Optional<String>> variables,
                              Predicate<String> hasGo) throws IOException {
        if (machine) {
            return new MachineCheck(Optional.empty(), 0, false);
        }
        Optional<UserEnvironment.Value> userAfter = Optional.ofNullable(plan.pathAfter() != null ? plan.pathAfter() : plan.pathBefore());
        WindowsProcessPath after = WindowsProcessPath.of(machineEnv.get(WindowsEnvEditor.PATH), userAfter, variables);
        return new MachineCheck(after.goBefore(plan.pathEntries(), variables, hasGo), after.length(), after.tooLong());
    }

    /** Against the machine environment given at construction, go.exe looked for on disk; nothing known without one. */
    public MachineCheck check(WindowsEnvPlan plan) throws IOException {
        if (machineEnv == null) {
            return new MachineCheck(Optional.empty(), 0, false);
        }
        return check(plan, machineEnv, name -> Optional.ofNullable(System.getenv(name)),
                folder -> {
                    try {
                        return Files.isRegularFile(Path.of(folder, "go.exe"));
                    } catch (java.nio.file.InvalidPathException e) {
                        return false;
                    }
                });
    }

    /**
     * The command that puts the Go of {@code sdkRoot} before a machine-wide one, for everyone: run from a terminal
     * opened as administrator (one UAC prompt). Shown, never run behind the user's back.
     */
    static String machineFixCommand(Path sdkRoot) {
        return "gosetup env --apply --system --sdk-root \"" + sdkRoot + "\" --yes";
    }

    /** How a plan is checked against the machine environment (the registry on Windows; captured values in tests). */
    public interface CheckFor {
        MachineCheck check(WindowsEnvPlan plan) throws IOException;
    }

    /**
     * @param goWins        a machine-Path folder whose go.exe new terminals and IDEs will run instead of ours
     * @param processLength the length of the Path new processes get (machine + user)
     * @param tooLong       longer than Windows allows an environment variable to be
     */
    public record MachineCheck(Optional<String> goWins, int processLength, boolean tooLong) {
        public boolean fine() {
            return goWins.isEmpty() && !tooLong;
        }

        /**
         * When a machine-wide Go (the MSI's) still comes first: what that means and the two fixes (remove it, or put
         * the Go of {@code sdkRoot} before it in the machine Path from an administrator terminal), for a face to word.
         */
        public Optional<dev.gosetup.i18n.Problem> problem(Path sdkRoot) {
            return goWins.map(folder -> dev.gosetup.i18n.Problem.of("env.windows.machineGoWins", folder, machineFixCommand(sdkRoot)));
        }
    }

    public WindowsEnvEditor.Applied apply(EnvSpec spec) throws IOException {
        return apply(spec, this::check);
    }

    /** Applies, unless the Path new processes would get (machine + user) is longer than Windows allows. */
    WindowsEnvEditor.Applied apply(EnvSpec spec, CheckFor checker) throws IOException {
        WindowsEnvPlan plan = plan(spec);
        MachineCheck check = checker.check(plan);
        if (check.tooLong()) {
            throw new dev.gosetup.i18n.ProblemException(dev.gosetup.i18n.Problem.of("env.windows.processPathTooLong",
                    check.processLength(), PathEntries.MAX_LENGTH, env.describe()));
        }
        WindowsEnvEditor.Applied applied = editor.apply(env, requestFor(spec));
        if (applied.changedAnything()) {
            // Each apply is kept: undo takes them back newest first, which returns to the state before the first.
            List<WindowsEnvEditor.Applied> all = new ArrayList<>(records());
            all.add(applied);
            AtomicFiles.write(record, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
        }
        return applied;
    }

    public boolean hasRecord() {
        return Files.exists(record);
    }

    public WindowsEnvEditor.Undone undo() throws IOException {
        List<WindowsEnvEditor.Applied> all = new ArrayList<>(records());
        List<String> restored = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<dev.gosetup.i18n.Text> notes = new ArrayList<>();
        while (!all.isEmpty()) {
            WindowsEnvEditor.Undone u = editor.undo(env, all.getLast());
            restored.addAll(u.restored());
            kept.addAll(u.keptUserChanges());
            notes.addAll(u.notes());
            all.removeLast();
            // written after each step: an undo stopped half-way resumes where it stopped
            if (all.isEmpty()) {
                Files.deleteIfExists(record);
            } else {
                AtomicFiles.write(record, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
            }
        }
        return new WindowsEnvEditor.Undone(restored, kept, notes);
    }

    private List<WindowsEnvEditor.Applied> records() throws IOException {
        if (!hasRecord()) {
            return List.of();
        }
        return List.of(JSON.readValue(record.toFile(), WindowsEnvEditor.Applied[].class));
    }
}
