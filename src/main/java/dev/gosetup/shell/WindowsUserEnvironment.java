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
        this(env, editor, scriptsDir.resolve("windows-env.json"), false);
    }

    private final boolean machine;

    private WindowsUserEnvironment(UserEnvironment env, WindowsEnvEditor editor, Path record, boolean machine) {
        this.env = env;
        this.editor = editor;
        this.record = record;
        this.machine = machine;
    }

    /**
     * The machine environment (HKLM), for IT: only Go's bin goes on the machine PATH; GOPATH stays per user
     * (%USERPROFILE% is not defined when Windows builds the machine environment).
     */
    public static WindowsUserEnvironment machine(UserEnvironment env, WindowsEnvEditor editor, Path recordDir) {
        return new WindowsUserEnvironment(env, editor, recordDir.resolve("windows-machine-env.json"), true);
    }

    /** PATH entries under the profile folder are written as %USERPROFILE%\…, so they survive a renamed account. */
    static WindowsEnvEditor.Request request(EnvSpec spec) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("GOPATH", windowsPath(spec, spec.gopath()));
        if (spec.setGoroot()) {
            vars.put("GOROOT", windowsPath(spec, spec.goLink()));
        }
        vars.putAll(spec.goVariables());
        List<String> path = new ArrayList<>(List.of(windowsPath(spec, spec.goBin()), windowsPath(spec, spec.gopathBin())));
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
        return new WindowsEnvEditor.Request(List.of(spec.goBin().toString()), vars);
    }

    public WindowsEnvPlan plan(EnvSpec spec) throws IOException {
        return editor.plan(env, requestFor(spec));
    }

    public WindowsEnvEditor.Applied apply(EnvSpec spec) throws IOException {
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
