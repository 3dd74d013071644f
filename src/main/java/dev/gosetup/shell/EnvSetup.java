package dev.gosetup.shell;

import dev.gosetup.files.AtomicFiles;
import dev.gosetup.files.FileOwner;
import dev.gosetup.i18n.ProblemException;
import dev.gosetup.i18n.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans and carries out the shell environment: our env scripts, and a marked block that sources them in
 * each startup file the chosen shells read. Preview first: a {@link Plan} holds every file's exact new
 * bytes and diff, and nothing is written until {@link #apply}. All or nothing: a plan with a problem
 * (damaged markers, a read-only file, a dangling link) writes no file at all. What is not a file at all (a
 * FIFO, a device, a folder) or far too large is {@linkplain Plan#skipped() skipped}: it is left alone and
 * the other files are set up.
 */
public final class EnvSetup {
    /** How long an apply waits for another one (another window, command line or IT script) to finish. */
    public static final Duration LOCK_WAIT = Duration.ofSeconds(10);

    private final ShellFiles files;
    private final Path scriptsDir;
    private final Duration lockWait;

    /**
     * @param scriptsDir where our env scripts live (the app's config folder, e.g. ~/.config/gosetup),
     *                   with state.json recording what we created and a lock file keeping writers apart
     */
    public EnvSetup(ShellFiles files, Path scriptsDir) {
        this(files, scriptsDir, LOCK_WAIT);
    }

    private EnvSetup(ShellFiles files, Path scriptsDir, Duration lockWait) {
        this.files = files;
        this.scriptsDir = scriptsDir;
        this.lockWait = lockWait;
    }

    /** The same setup, waiting at most {@code wait} for another writer. */
    public EnvSetup withLockWait(Duration wait) {
        return new EnvSetup(files, scriptsDir, wait);
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

    /** A file that cannot be written as planned, and why (a problem that names the file). */
    public record Problem(Path file, dev.gosetup.i18n.Problem what) {
        static Problem of(Path file, IOException e) {
            return new Problem(file, e instanceof DamagedBlockException d ? d.in(file).problem() : Problems.of(e));
        }
    }

    /**
     * @param skipped  startup files left alone because they are not files we may read; the others go ahead
     * @param spec     what the plan sets up (null for undo): apply plans again from it, under the lock
     * @param disabled the conflicting lines the user agreed to comment out
     */
    public record Plan(boolean undo, Set<Shell> shells, List<FileChange> changes, List<Problem> problems,
                       List<StartupFiles.Unusable> skipped, EnvSpec spec, Set<Conflict> disabled) {
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

    /** What was written: files and the backups made before our first change to each; the files left alone. */
    public record Result(List<Path> written, List<Path> deleted, List<Path> backups, List<StartupFiles.Unusable> skipped) {}

    /** What runs after the files are written, under the same lock: saving the settings, the Windows environment. */
    public interface Finish {
        void run() throws IOException;
    }

    /** A failure after some files were already written: says which, so nobody is told "nothing was written". */
    public static final class PartlyAppliedException extends ProblemException {
        private final Result done;

        PartlyAppliedException(Exception cause, Result done) {
            super(problem(Problems.of(cause), done), cause);
            this.done = done;
        }

        /** What failed, what was done before it, and the failure's own advice (free disk space …) before ours. */
        private static dev.gosetup.i18n.Problem problem(dev.gosetup.i18n.Problem why, Result done) {
            boolean advice = dev.gosetup.i18n.Messages.english().has(why.todoKey()); // both bundles hold the same keys
            return dev.gosetup.i18n.Problem.of(advice ? "env.partlyApplied.advised" : "env.partlyApplied", why, paths(done.written()),
                    paths(done.deleted()), advice ? new dev.gosetup.i18n.Problem(why.todoKey(), why.args()) : null);
        }

        /** Paths as one fact, one a line; "-" for none. */
        private static String paths(List<Path> paths) {
            return paths.isEmpty() ? "-" : String.join("\n", paths.stream().map(p -> "  " + p).toList());
        }

        public Result done() {
            return done;
        }
    }

    public Path scriptsDir() {
        return scriptsDir;
    }

    /**
     * @param disable conflicting lines to comment out (with the user's consent), as returned in an earlier plan
     */
    public Plan plan(EnvSpec spec, Set<Shell> shells, Set<Conflict> disable) {
        List<FileChange> changes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<StartupFiles.Unusable> skipped = new ArrayList<>();
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
                    StartupFiles.Snapshot before = read(target.path());
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
                } catch (UnusableFileException e) {
                    skipped.add(e.unusable());
                } catch (IOException e) {
                    problems.add(Problem.of(target.path(), e));
                }
            }
        }
        return new Plan(false, shells, changes, problems, skipped, spec, Set.copyOf(disable));
    }

    /** Undo for these shells: our blocks out, commented lines back, our scripts and the files we created gone. */
    public Plan planUndo(Set<Shell> shells) {
        List<FileChange> changes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<StartupFiles.Unusable> skipped = new ArrayList<>();
        Set<Path> created = EnvState.load(scriptsDir).files;
        for (Shell shell : shells) {
            for (StartupTarget target : undoTargets(shell)) {
                try {
                    StartupFiles.Snapshot before = read(target.path());
                    if (!before.exists()) {
                        continue;
                    }
                    byte[] after = BlockEditor.undo(before.content());
                    if (after.length == 0 && (target.wholeFile() || created.contains(before.real().toAbsolutePath()))) {
                        after = null; // it did not exist before we wrote it
                    }
                    changes.add(new FileChange(shell, target, before, after, Diffs.unified(name(target.path()), before.content(), after), List.of()));
                } catch (UnusableFileException e) {
                    skipped.add(e.unusable());
                } catch (IOException e) {
                    problems.add(Problem.of(target.path(), e));
                }
            }
        }
        for (String script : scriptsFor(shells)) {
            try {
                StartupFiles.Snapshot before = read(scriptsDir.resolve(script));
                if (before.exists()) {
                    changes.add(new FileChange(null, null, before, null, Diffs.unified(script, before.content(), null), List.of()));
                }
            } catch (IOException e) {
                problems.add(Problem.of(scriptsDir.resolve(script), e));
            }
        }
        return new Plan(true, shells, changes, problems, skipped, null, Set.of());
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
                // through the one safe reader: a FIFO or a huge file here must not hang or flood undo
                if (known.add(p.toAbsolutePath().normalize()) && BlockEditor.hasBlock(StartupFiles.read(p).content())) {
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

    /** {@link #apply(Plan, Finish)} with nothing to do afterwards. */
    public Result apply(Plan plan) throws IOException {
        return apply(plan, () -> { });
    }

    /**
     * Carries out a plan: our scripts first (a block never sources a missing file), then the startup files,
     * then {@code finish} (the settings save), all under the {@link EnvLock}, so two writers take turns and
     * settings, scripts and blocks agree afterwards. Under the lock the plan is made again from the files as
     * they are now; when that would write anything but what the preview showed (the user's editor, or another
     * gosetup, changed a file meanwhile), nothing is written.
     *
     * @throws EnvBusyException       another writer held the lock for longer than the wait; nothing was written
     * @throws PartlyAppliedException a failure after some files were written, naming them
     */
    public Result apply(Plan plan, Finish finish) throws IOException {
        refuseProblems(plan);
        try (EnvLock lock = EnvLock.take(scriptsDir, lockWait)) {
            EnvState state = EnvState.load(scriptsDir);
            state.folders.addAll(lock.createdFolders());
            Progress done = new Progress();
            Result result;
            try {
                Plan now = plan.undo() ? planUndo(plan.shells()) : plan(plan.spec(), plan.shells(), plan.disabled());
                refuseProblems(now);
                requireSameOutcome(plan, now);
                write(now, state, done);
                finish.run();
                result = done.result(now.skipped());
            } catch (IOException | RuntimeException e) {
                try {
                    state.settle();
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
                if (done.isEmpty()) {
                    throw e;
                }
                throw new PartlyAppliedException(e, done.result(plan.skipped()));
            }
            try {
                state.settle();
            } catch (IOException e) {
                throw new PartlyAppliedException(e, result);
            }
            return result;
        }
    }

    private static void refuseProblems(Plan plan) throws IOException {
        if (!plan.problems().isEmpty()) {
            // the first problem in full; the faces list all of them from the plan
            throw new ProblemException(dev.gosetup.i18n.Problem.of("env.refused", plan.problems().getFirst().what(),
                    plan.problems().size() - 1));
        }
    }

    /**
     * Each file must end as the approved plan said. Another gosetup having made the very same change
     * meanwhile is fine (its block is ours too); any other change means the preview no longer shows what
     * would be written.
     */
    private static void requireSameOutcome(Plan approved, Plan now) throws StartupFileException {
        Map<Path, FileChange> current = new HashMap<>();
        now.changes().forEach(c -> current.put(c.path(), c));
        for (FileChange c : approved.changes()) {
            FileChange n = current.remove(c.path());
            boolean same = n != null ? Arrays.equals(c.after(), n.after())
                    : c.after() == null && !Files.exists(c.before().real(), LinkOption.NOFOLLOW_LINKS); // undo: already gone
            if (!same) {
                throw changedSincePreview(c.path());
            }
        }
        for (FileChange n : current.values()) {
            if (n.changes()) {
                throw changedSincePreview(n.path());
            }
        }
    }

    private static StartupFileException changedSincePreview(Path file) {
        return StartupFileException.of(file, "startup.changedSincePreview");
    }

    private void write(Plan plan, EnvState state, Progress done) throws IOException {
        // What is created is the home owner's, also when root works on another account's home.
        FileOwner owner = FileOwner.of(files.home());
        List<FileChange> order = new ArrayList<>(plan.effective());
        order.sort((a, b) -> Boolean.compare(plan.undo() ? a.ours() : !a.ours(), plan.undo() ? b.ours() : !b.ours()));
        for (FileChange c : order) {
            Path real = c.before().real().toAbsolutePath();
            if (c.after() != null) {
                state.folders.addAll(EnvState.missingFolders(real.getParent())); // the write makes them
            }
            // a file we created has no original to keep: undo restores "no file" by deleting it
            Path backup = c.ours() ? writeOurs(c, owner)
                    : StartupFiles.write(c.before(), c.after(), !state.files.contains(real), owner);
            if (backup != null) {
                done.backups.add(backup);
            }
            (c.after() == null ? done.deleted : done.written).add(c.path());
            if (!c.before().exists() && c.after() != null) {
                state.files.add(real);
            } else if (c.after() == null || plan.undo()) {
                state.files.remove(real); // deleted, or kept by undo for the user's own lines in it: theirs from now on
            }
        }
    }

    /** What has been written so far. */
    private static final class Progress {
        final List<Path> written = new ArrayList<>();
        final List<Path> deleted = new ArrayList<>();
        final List<Path> backups = new ArrayList<>();

        boolean isEmpty() {
            return written.isEmpty() && deleted.isEmpty();
        }

        Result result(List<StartupFiles.Unusable> skipped) {
            return new Result(List.copyOf(written), List.copyOf(deleted), List.copyOf(backups), skipped);
        }
    }

    private static Path writeOurs(FileChange c, FileOwner owner) throws IOException {
        if (c.after() == null) {
            Files.deleteIfExists(c.before().real());
        } else {
            AtomicFiles.write(c.before().real(), c.after(), null, owner);
        }
        return null;
    }

    private void script(List<FileChange> changes, List<Problem> problems, String name, String content) {
        try {
            StartupFiles.Snapshot before = read(scriptsDir.resolve(name));
            byte[] after = scriptBytes(name, content);
            changes.add(new FileChange(null, null, before, after, Diffs.unified(name, before.content(), after), List.of()));
        } catch (IOException e) {
            problems.add(Problem.of(scriptsDir.resolve(name), e));
        }
    }

    /**
     * A script's bytes: UTF-8, and for PowerShell with a byte order mark. Windows PowerShell 5.1 reads a .ps1 without
     * one in the system's ANSI code page, so an install folder such as C:\Users\张三\sdk would reach PATH garbled
     * (PowerShell 7 reads either; docs: about_Character_Encoding).
     */
    static byte[] scriptBytes(String name, String content) {
        return (name.endsWith(".ps1") ? "\uFEFF" + content : content).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Root working on a home (sudo, an MDM script) edits only files of that home's owner: a file another
     * account owns there (a root-owned .bashrc left by an earlier sudo, a third user's) is not guessed about.
     */
    private StartupFiles.Snapshot read(Path path) throws IOException {
        StartupFiles.Snapshot s = StartupFiles.read(path);
        if (s.exists() && FileOwner.processIsRoot()) {
            int file = FileOwner.uidOf(s.real());
            int home = FileOwner.uidOf(files.home());
            if (file != home) {
                // args: the file, where it really is, its owner and uid, the home, its owner and uid
                throw StartupFileException.of(path, s.viaLink() ? "startup.link.notOwned" : "startup.notOwned", s.real(),
                        ownerName(s.real()), String.valueOf(file), files.home(), ownerName(files.home()), String.valueOf(home));
            }
        }
        return s;
    }

    /** The owner's account name, or its number when the account has no name here. */
    private static String ownerName(Path path) throws IOException {
        return Files.getOwner(path).getName();
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
}
