package dev.gosetup.shell;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gosetup.files.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans and carries out the shell environment: our env scripts, and a marked block that sources them in
 * each startup file the chosen shells read. Preview first: a {@link Plan} holds every file's exact new
 * bytes and diff, and nothing is written until {@link #apply}. All or nothing: a plan with a problem
 * (damaged markers, a read-only file, a dangling link) writes no file at all.
 */
public final class EnvSetup {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShellFiles files;
    private final Path scriptsDir;

    /**
     * @param scriptsDir where our env scripts live (the app's config folder, e.g. ~/.config/gosetup),
     *                   with state.json recording the startup files we created
     */
    public EnvSetup(ShellFiles files, Path scriptsDir) {
        this.files = files;
        this.scriptsDir = scriptsDir;
    }

    /** One file's change. {@code after} null means the file is deleted. */
    public record FileChange(Shell shell, StartupTarget target, StartupFiles.Snapshot before, byte[] after, String diff,
                             List<Conflict> conflicts) {
        public boolean changes() {
            return !Diffs.same(before.content(), after);
        }

        public Path path() {
            return before.path();
        }

        /** True for our own env scripts, as opposed to a user's startup file. */
        public boolean ours() {
            return target == null || target.wholeFile();
        }
    }

    /** A file that cannot be written as planned, and why. */
    public record Problem(Path file, String message) {}

    public record Plan(boolean undo, Set<Shell> shells, List<FileChange> changes, List<Problem> problems) {
        public List<FileChange> effective() {
            return changes.stream().filter(FileChange::changes).toList();
        }

        public List<Conflict> conflicts() {
            return changes.stream().flatMap(c -> c.conflicts().stream()).toList();
        }

        public String diff() {
            StringBuilder sb = new StringBuilder();
            effective().forEach(c -> sb.append(c.diff()));
            return sb.toString();
        }
    }

    /** What was written: files and the backups made before our first change to each. */
    public record Result(List<Path> written, List<Path> deleted, List<Path> backups) {}

    public Path scriptsDir() {
        return scriptsDir;
    }

    /**
     * @param disable conflicting lines to comment out (with the user's consent), as returned in an earlier plan
     */
    public Plan plan(EnvSpec spec, Set<Shell> shells, Set<Conflict> disable) {
        List<FileChange> changes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (shells.contains(Shell.ZSH) || shells.contains(Shell.BASH)) {
            script(changes, problems, "env.sh", EnvScripts.sh(spec));
        }
        if (shells.contains(Shell.FISH)) {
            script(changes, problems, "env.fish", EnvScripts.fish(spec));
        }
        if (shells.contains(Shell.PWSH)) {
            script(changes, problems, "env.ps1", EnvScripts.powershell(spec));
        }
        for (Shell shell : shells) {
            for (StartupTarget target : files.targets(shell)) {
                try {
                    StartupFiles.Snapshot before = StartupFiles.read(target.path());
                    byte[] current = before.exists() ? before.content() : new byte[0];
                    List<Conflict> conflicts = ConflictScanner.scan(target.path(), current);
                    Set<Integer> off = new TreeSet<>();
                    for (Conflict c : conflicts) {
                        if (c.canDisable() && disable.stream().anyMatch(d -> d.file().equals(c.file()) && d.line() == c.line())) {
                            off.add(c.line());
                        }
                    }
                    byte[] edited = off.isEmpty() ? current : BlockEditor.commentOut(current, off);
                    byte[] after = BlockEditor.apply(edited, blockBody(shell), target.placement());
                    changes.add(new FileChange(shell, target, before, after, Diffs.unified(name(target.path()), before.content(), after), conflicts));
                } catch (IOException e) {
                    problems.add(new Problem(target.path(), e.getMessage()));
                }
            }
        }
        return new Plan(false, shells, changes, problems);
    }

    /** Undo for these shells: our blocks out, commented lines back, our scripts and the files we created gone. */
    public Plan planUndo(Set<Shell> shells) {
        List<FileChange> changes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Set<Path> created = createdFiles();
        for (Shell shell : shells) {
            for (StartupTarget target : undoTargets(shell)) {
                try {
                    StartupFiles.Snapshot before = StartupFiles.read(target.path());
                    if (!before.exists()) {
                        continue;
                    }
                    byte[] after = BlockEditor.undo(before.content());
                    if (after.length == 0 && (target.wholeFile() || created.contains(before.real().toAbsolutePath()))) {
                        after = null; // it did not exist before we wrote it
                    }
                    changes.add(new FileChange(shell, target, before, after, Diffs.unified(name(target.path()), before.content(), after), List.of()));
                } catch (IOException e) {
                    problems.add(new Problem(target.path(), e.getMessage()));
                }
            }
        }
        for (String script : scriptsFor(shells)) {
            try {
                StartupFiles.Snapshot before = StartupFiles.read(scriptsDir.resolve(script));
                if (before.exists()) {
                    changes.add(new FileChange(null, null, before, null, Diffs.unified(script, before.content(), null), List.of()));
                }
            } catch (IOException e) {
                problems.add(new Problem(scriptsDir.resolve(script), e.getMessage()));
            }
        }
        return new Plan(true, shells, changes, problems);
    }

    /**
     * The files undo looks at: where apply writes, and every other file the shell reads that holds our block
     * (placed there by the health check's fix, below a line that set PATH from scratch).
     */
    private List<StartupTarget> undoTargets(Shell shell) {
        List<StartupTarget> out = new ArrayList<>(files.targets(shell));
        Set<Path> known = new java.util.HashSet<>();
        out.forEach(t -> known.add(t.path().toAbsolutePath().normalize()));
        for (Path p : StartupOrder.read(files, shell)) {
            try {
                if (known.add(p.toAbsolutePath().normalize()) && BlockEditor.hasBlock(Files.readAllBytes(p))) {
                    out.add(new StartupTarget(shell, p, BlockEditor.Placement.END_OF_FILE, false, "env.why.placedAfter"));
                }
            } catch (DamagedBlockException e) {
                // our markers, damaged: undo reports it with the line numbers, as for the other files
                out.add(new StartupTarget(shell, p, BlockEditor.Placement.END_OF_FILE, false, "env.why.placedAfter"));
            } catch (IOException e) {
                // unreadable: nothing of ours can be seen in it, so there is nothing to take out
            }
        }
        return out;
    }

    /** Carries out a plan: our scripts first (a block never sources a missing file), then the startup files. */
    public Result apply(Plan plan) throws IOException {
        if (!plan.problems().isEmpty()) {
            throw new IOException("Nothing was changed, because of: " + plan.problems().stream()
                    .map(p -> p.message()).reduce((a, b) -> a + "; " + b).orElse(""));
        }
        List<FileChange> order = new ArrayList<>(plan.effective());
        order.sort((a, b) -> Boolean.compare(plan.undo() ? a.ours() : !a.ours(), plan.undo() ? b.ours() : !b.ours()));
        List<Path> written = new ArrayList<>();
        List<Path> deleted = new ArrayList<>();
        List<Path> backups = new ArrayList<>();
        Set<Path> created = new LinkedHashSet<>(createdFiles());
        for (FileChange c : order) {
            boolean userFile = !c.ours();
            Path backup = userFile ? StartupFiles.write(c.before(), c.after()) : writeOurs(c);
            if (backup != null) {
                backups.add(backup);
            }
            (c.after() == null ? deleted : written).add(c.path());
            Path real = c.before().real().toAbsolutePath();
            if (!c.before().exists() && c.after() != null) {
                created.add(real);
            } else if (c.after() == null) {
                created.remove(real);
            }
        }
        saveCreated(created);
        return new Result(written, deleted, backups);
    }

    private static Path writeOurs(FileChange c) throws IOException {
        if (c.after() == null) {
            Files.deleteIfExists(c.before().real());
        } else {
            AtomicFiles.write(c.before().real(), c.after());
        }
        return null;
    }

    private void script(List<FileChange> changes, List<Problem> problems, String name, String content) {
        try {
            StartupFiles.Snapshot before = StartupFiles.read(scriptsDir.resolve(name));
            byte[] after = content.getBytes(StandardCharsets.UTF_8);
            changes.add(new FileChange(null, null, before, after, Diffs.unified(name, before.content(), after), List.of()));
        } catch (IOException e) {
            problems.add(new Problem(scriptsDir.resolve(name), e.getMessage()));
        }
    }

    /** The lines between our markers: source our env script if it is there (a removed app leaves no error). */
    public List<String> blockBody(Shell shell) {
        EnvSpec paths = new EnvSpec(files.home(), files.home(), files.home(), false, java.util.Map.of());
        return switch (shell) {
            case ZSH, BASH -> {
                String p = EnvScripts.shPath(paths, scriptsDir.resolve("env.sh"));
                yield List.of("if [ -f " + p + " ]; then . " + p + "; fi");
            }
            case FISH -> {
                String p = EnvScripts.fishPath(paths, scriptsDir.resolve("env.fish"));
                yield List.of("if test -f " + p + "; source " + p + "; end");
            }
            case PWSH -> {
                String p = EnvScripts.psPath(paths, scriptsDir.resolve("env.ps1"));
                yield List.of("if (Test-Path " + p + ") { . " + p + " }");
            }
            case CMD -> List.of();
        };
    }

    private static List<String> scriptsFor(Set<Shell> shells) {
        List<String> out = new ArrayList<>();
        if (shells.contains(Shell.ZSH) || shells.contains(Shell.BASH)) {
            out.add("env.sh");
        }
        if (shells.contains(Shell.FISH)) {
            out.add("env.fish");
        }
        if (shells.contains(Shell.PWSH)) {
            out.add("env.ps1");
        }
        return out;
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    record State(List<String> created) {}

    private Set<Path> createdFiles() {
        Path f = scriptsDir.resolve("state.json");
        Set<Path> out = new LinkedHashSet<>();
        try {
            if (Files.exists(f)) {
                State s = JSON.readValue(f.toFile(), State.class);
                if (s.created() != null) {
                    s.created().forEach(p -> out.add(Path.of(p)));
                }
            }
        } catch (IOException e) {
            // an unreadable state only means undo keeps files it created empty rather than deleting them
        }
        return out;
    }

    private void saveCreated(Set<Path> created) throws IOException {
        AtomicFiles.write(scriptsDir.resolve("state.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new State(created.stream().map(Path::toString).toList())));
    }
}
