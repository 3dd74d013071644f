package dev.gosetup.shell;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import dev.gosetup.i18n.Text;
import dev.gosetup.shell.EnvWrites.Write;
import dev.gosetup.shell.UserEnvironment.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Puts Go on PATH for new processes on Windows by editing the environment in the registry, and takes it
 * off again exactly. Never {@code setx}: it cuts PATH at 1024 characters and stores it as REG_SZ, so every
 * %VAR% entry in it stops expanding.
 *
 * <p>Our entries go in front, so our go.exe wins over, say, an MSI install's {@code C:\Program Files\Go\bin}
 * (which stays). An entry naming one of our folders is taken out of its old place, as it would only be a
 * duplicate; every other entry is kept, in its order.
 */
public final class WindowsEnvEditor {
    /** The name Windows itself gives the value; the registry matches names case-insensitively. */
    static final String PATH = "Path";

    /**
     * What Go needs in the environment.
     *
     * @param pathEntries the entries to put at the front of PATH, in order ({@code %USERPROFILE%\go\bin})
     * @param variables   values to set, in the order given; a null value leaves that variable alone
     */
    public record Request(List<String> pathEntries, Map<String, String> variables) {
        public Request {
            pathEntries = List.copyOf(pathEntries);
            for (String entry : pathEntries) {
                if (entry.isBlank() || entry.contains(";")) {
                    throw new EnvRequestRefused(Problem.of("env.windows.badPathEntry", entry));
                }
            }
            variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
            for (String name : variables.keySet()) {
                if (name.isBlank() || name.contains("=") || name.equalsIgnoreCase(PATH)) {
                    throw new EnvRequestRefused(Problem.of("env.windows.badVariable", name));
                }
            }
        }
    }

    /**
     * An entry PATH had that names one of our folders, taken out of its place when ours went in front.
     *
     * @param entry   the entry as it was written
     * @param index   its place among PATH's non-empty entries, from 0
     * @param movedAs our entry that stands for it now
     */
    public record MovedPathEntry(String entry, int index, String movedAs) {}

    /** A variable going from {@code before} (null: it did not exist) to {@code after}. */
    public record VariableChange(String name, Value before, Value after) {}

    /**
     * What {@link #apply} changed, kept (as JSON) so that {@link #undo} can take exactly that back.
     *
     * @param pathBefore       PATH before, or null when there was none
     * @param pathAfter        PATH as written, or null when PATH was not touched
     * @param addedPathEntries our entries that PATH did not have in any spelling
     * @param movedPathEntries entries PATH had that ours replaced
     * @param variables        the variables set, with their values before
     */
    public record Applied(String scope, Value pathBefore, Value pathAfter, List<String> addedPathEntries,
                          List<MovedPathEntry> movedPathEntries, List<VariableChange> variables) {
        public Applied {
            addedPathEntries = addedPathEntries == null ? List.of() : List.copyOf(addedPathEntries);
            movedPathEntries = movedPathEntries == null ? List.of() : List.copyOf(movedPathEntries);
            variables = variables == null ? List.of() : List.copyOf(variables);
        }

        /**
         * False when everything was already in place: nothing was written, so there is nothing to undo, and
         * the record of the apply that did change things is the one to keep.
         */
        public boolean changedAnything() {
            return pathAfter != null || !variables.isEmpty();
        }
    }

    /**
     * What {@link #undo} did.
     *
     * @param restored        the values written back (or deleted)
     * @param keptUserChanges variables someone changed after Go was set up, left as they are
     * @param notes           a sentence for each thing left alone, for the user
     */
    public record Undone(List<String> restored, List<String> keptUserChanges, List<Text> notes) {
        public Undone {
            restored = List.copyOf(restored);
            keptUserChanges = List.copyOf(keptUserChanges);
            notes = List.copyOf(notes);
        }

        public boolean changedAnything() {
            return !restored.isEmpty();
        }
    }

    private final Function<String, Optional<String>> variables;

    /**
     * @param variables the values %NAME% references stand for, to see that {@code C:\Users\dev\go\bin} and
     *                  {@code %USERPROFILE%\go\bin} are the same folder
     */
    public WindowsEnvEditor(Function<String, Optional<String>> variables) {
        this.variables = variables;
    }

    /** References expanded with this process's environment (on Windows, System.getenv ignores case). */
    public static WindowsEnvEditor withProcessEnvironment() {
        return new WindowsEnvEditor(name -> Optional.ofNullable(System.getenv(name)));
    }

    /** A case-insensitive lookup in {@code values}, as Windows looks variables up. */
    public static Function<String, Optional<String>> lookupIn(Map<String, String> values) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(values);
        return name -> Optional.ofNullable(byName.get(name));
    }

    /** Works out what {@link #apply} would change; writes nothing. */
    public WindowsEnvPlan plan(UserEnvironment env, Request request) throws IOException {
        Optional<Value> pathBefore = env.get(PATH);
        PathPlan path = planPath(env, pathBefore, request.pathEntries());
        List<VariableChange> changes = new ArrayList<>();
        for (Map.Entry<String, String> wanted : request.variables().entrySet()) {
            if (wanted.getValue() == null) {
                continue;
            }
            String data = wanted.getValue();
            Optional<Value> now = env.get(wanted.getKey());
            // A REG_EXPAND_SZ without references reads the same as a REG_SZ: not worth a write.
            boolean right = now.isPresent() && now.get().data().equals(data)
                    && (now.get().expandable() || !PathEntries.hasReference(data));
            if (!right) {
                changes.add(new VariableChange(wanted.getKey(), now.orElse(null), new Value(data, PathEntries.hasReference(data))));
            }
        }
        return new WindowsEnvPlan(env.describe(), pathBefore.orElse(null), path.after(), path.front(), path.added(),
                path.moved(), path.dropped(), changes);
    }

    /**
     * Makes the change {@link #plan} describes, all of it or none: a write that fails undoes the ones before
     * it. Broadcasts once, and only when something was written.
     *
     * @throws IOException nothing was changed (or, if even putting back failed, the message says what to fix)
     */
    public Applied apply(UserEnvironment env, Request request) throws IOException {
        WindowsEnvPlan plan = plan(env, request);
        if (plan.pathTooLong()) {
            throw new ProblemException(Problem.of("env.windows.pathTooLong", env.describe(), plan.pathAfter().data().length(),
                    PathEntries.MAX_LENGTH));
        }
        if (!plan.changesAnything()) {
            return new Applied(env.describe(), null, null, List.of(), List.of(), List.of());
        }
        List<Write> writes = new ArrayList<>();
        for (VariableChange v : plan.variables()) {
            writes.add(new Write(v.name(), v.before(), v.after()));
        }
        // PATH last: when an earlier write is refused, the value whose loss hurts most was never touched.
        if (plan.changesPath()) {
            writes.add(new Write(PATH, plan.pathBefore(), plan.pathAfter()));
        }
        EnvWrites.perform(env, writes);
        env.broadcastChange();
        return plan.changesPath()
                ? new Applied(env.describe(), plan.pathBefore(), plan.pathAfter(), plan.addedPathEntries(),
                        plan.movedPathEntries(), plan.variables())
                : new Applied(env.describe(), null, null, List.of(), List.of(), plan.variables());
    }

    /**
     * Takes back what {@code applied} records: our PATH entries go, the entries they replaced return to
     * their places, variables get their old values (or are deleted). A variable someone changed since is
     * left as it is and reported; an entry that is not ours is never removed.
     */
    public Undone undo(UserEnvironment env, Applied applied) throws IOException {
        if (!env.describe().equals(applied.scope())) {
            throw new EnvRequestRefused(Problem.of("env.windows.otherScope", applied.scope(), env.describe()));
        }
        List<Write> writes = new ArrayList<>();
        List<String> restored = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        List<Text> notes = new ArrayList<>();
        for (VariableChange v : applied.variables()) {
            Optional<Value> now = env.get(v.name());
            if (now.equals(Optional.ofNullable(v.before()))) {
                continue;
            }
            if (now.equals(Optional.of(v.after()))) {
                writes.add(new Write(v.name(), v.after(), v.before()));
                restored.add(v.name());
            } else {
                kept.add(v.name());
                notes.add(now.isPresent() ? ShellText.of("winenv.undo.changedSince", v.name(), now.get().data())
                        : ShellText.of("winenv.undo.deletedSince", v.name()));
            }
        }
        if (applied.pathAfter() != null) {
            Optional<Value> now = env.get(PATH);
            Optional<Value> target = pathWithoutOurs(now, applied, notes);
            if (!target.equals(now)) {
                writes.add(new Write(PATH, now.orElse(null), target.orElse(null)));
                restored.add(PATH);
            }
        }
        EnvWrites.perform(env, writes);
        if (!writes.isEmpty()) {
            env.broadcastChange();
        }
        return new Undone(restored, kept, notes);
    }

    private record PathPlan(Value after, List<String> front, List<String> added, List<MovedPathEntry> moved, int dropped) {}

    private PathPlan planPath(UserEnvironment env, Optional<Value> before, List<String> wanted) throws IOException {
        if (wanted.isEmpty()) {
            return new PathPlan(before.orElse(null), List.of(), List.of(), List.of(), 0);
        }
        boolean oursRefer = wanted.stream().anyMatch(PathEntries::hasReference);
        // REG_SZ PATH: upgrading it to REG_EXPAND_SZ would change what its own %VAR% entries mean (today
        // they are taken literally), so when it has some, ours are written expanded instead.
        boolean expandable = before.map(v -> v.expandable() || oursRefer && !PathEntries.anyEntryHasReference(v.data()))
                .orElse(true);
        Map<String, String> ours = new LinkedHashMap<>();
        for (String entry : wanted) {
            String written = expandable ? entry : expandFully(env, entry);
            ours.putIfAbsent(PathEntries.key(written, variables), written);
        }
        List<String> front = List.copyOf(ours.values());
        List<String> kept = new ArrayList<>();
        List<MovedPathEntry> moved = new ArrayList<>();
        int dropped = 0;
        int index = 0;
        for (String entry : before.map(v -> PathEntries.split(v.data())).orElse(List.of())) {
            if (entry.isBlank()) {
                dropped++;
                continue;
            }
            String mine = ours.get(PathEntries.key(entry, variables));
            if (mine != null) {
                moved.add(new MovedPathEntry(entry, index, mine));
            } else {
                kept.add(entry);
            }
            index++;
        }
        List<String> all = new ArrayList<>(front);
        all.addAll(kept);
        Value after = new Value(PathEntries.join(all), expandable);
        // Already in place: PATH is not rewritten just to drop an empty entry or a trailing ';'.
        if (before.isPresent() && before.get().expandable() == expandable
                && PathEntries.split(before.get().data()).stream().filter(e -> !e.isBlank()).toList().equals(all)) {
            return new PathPlan(before.get(), front, List.of(), List.of(), 0);
        }
        Set<String> replacing = new HashSet<>();
        moved.forEach(m -> replacing.add(m.movedAs()));
        return new PathPlan(after, front, front.stream().filter(e -> !replacing.contains(e)).toList(), moved, dropped);
    }

    private String expandFully(UserEnvironment env, String entry) throws IOException {
        String expanded = PathEntries.expand(entry, variables);
        if (PathEntries.hasReference(expanded)) {
            throw new ProblemException(Problem.of("env.windows.unknownVariable", env.describe(), entry, expanded));
        }
        return expanded;
    }

    private static Optional<Value> pathWithoutOurs(Optional<Value> now, Applied applied, List<Text> notes) {
        if (now.equals(Optional.of(applied.pathAfter()))) {
            // Nobody touched it since: the very text and type there were, empty entries and all.
            return Optional.ofNullable(applied.pathBefore());
        }
        if (now.isEmpty()) {
            notes.add(ShellText.of("winenv.undo.deletedSince", PATH));
            return now;
        }
        List<String> entries = PathEntries.split(now.get().data());
        Set<String> ours = new LinkedHashSet<>(applied.addedPathEntries());
        applied.movedPathEntries().forEach(m -> ours.add(m.movedAs()));
        Set<String> taken = new HashSet<>();
        for (String entry : ours) {
            if (entries.remove(entry)) {
                taken.add(entry);
            } else {
                notes.add(ShellText.of("winenv.undo.entryGone", entry));
            }
        }
        // An entry goes back only if ours that stood for it was still there: if someone took ours out by
        // hand, they did not want that folder on PATH.
        List<MovedPathEntry> back = applied.movedPathEntries().stream()
                .filter(m -> taken.contains(m.movedAs()) && !entries.contains(m.entry()))
                .sorted(Comparator.comparingInt(MovedPathEntry::index)).toList();
        for (MovedPathEntry m : back) {
            entries.add(Math.min(m.index(), entries.size()), m.entry());
        }
        if (applied.pathBefore() == null && entries.stream().allMatch(String::isBlank)) {
            return Optional.empty();
        }
        return Optional.of(new Value(PathEntries.join(entries), now.get().expandable()));
    }
}
