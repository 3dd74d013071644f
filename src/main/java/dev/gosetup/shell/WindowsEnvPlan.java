package dev.gosetup.shell;

import dev.gosetup.shell.UserEnvironment.Value;
import dev.gosetup.shell.WindowsEnvEditor.MovedPathEntry;
import dev.gosetup.shell.WindowsEnvEditor.VariableChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What applying a request would change, worked out without writing anything, so that the user can read
 * it as a diff before agreeing.
 *
 * @param scope               where the values live ({@link UserEnvironment#describe()})
 * @param pathBefore          PATH as it is, or null when there is none
 * @param pathAfter           PATH as it would be (equal to pathBefore when it would not change), or null
 * @param pathEntries         our entries as they would be written at the front, in order
 * @param addedPathEntries    those of ours that PATH does not have yet, in any spelling
 * @param movedPathEntries    entries PATH has that name one of our folders: they leave their place
 * @param droppedEmptyEntries how many empty entries (";;", a trailing ';') the new PATH leaves out
 * @param variables           the variables that would change; those already right are not listed
 */
public record WindowsEnvPlan(String scope, Value pathBefore, Value pathAfter, List<String> pathEntries,
                             List<String> addedPathEntries, List<MovedPathEntry> movedPathEntries,
                             int droppedEmptyEntries, List<VariableChange> variables) {

    public WindowsEnvPlan {
        pathEntries = List.copyOf(pathEntries);
        addedPathEntries = List.copyOf(addedPathEntries);
        movedPathEntries = List.copyOf(movedPathEntries);
        variables = List.copyOf(variables);
    }

    public boolean changesPath() {
        return !Objects.equals(pathBefore, pathAfter);
    }

    public boolean changesAnything() {
        return changesPath() || !variables.isEmpty();
    }

    /** True when the new PATH would be longer than Windows allows; apply refuses such a plan. */
    public boolean pathTooLong() {
        return pathAfter != null && pathAfter.data().length() > PathEntries.MAX_LENGTH;
    }

    /** One line per change: "- " what goes, "+ " what comes, "~ " a type change, "! " a refusal. */
    public List<String> diffLines() {
        List<String> lines = new ArrayList<>();
        if (changesPath()) {
            pathLines(lines);
        }
        for (VariableChange v : variables) {
            if (v.before() != null) {
                lines.add("- " + v.name() + "=" + v.before().data() + " (" + v.before().typeName() + ")");
            }
            lines.add("+ " + v.name() + "=" + v.after().data() + " (" + v.after().typeName() + ")");
        }
        return lines;
    }

    /** The diff with a heading, or a sentence saying there is nothing to do. */
    public String diffText() {
        if (!changesAnything()) {
            return scope + " already has these values; nothing to change.";
        }
        return "Changes to " + scope + ":\n" + String.join("\n", diffLines());
    }

    private void pathLines(List<String> lines) {
        if (pathBefore == null) {
            lines.add("+ Path (a new " + pathAfter.typeName() + " value)");
        } else if (pathBefore.expandable() != pathAfter.expandable()) {
            lines.add("~ Path type " + pathBefore.typeName() + " -> " + pathAfter.typeName());
        }
        List<MovedPathEntry> staying = movedPathEntries.stream().filter(this::staysPut).toList();
        for (MovedPathEntry m : movedPathEntries) {
            if (!staying.contains(m)) {
                lines.add("- Path entry " + (m.index() + 1) + ": " + m.entry());
            }
        }
        if (droppedEmptyEntries > 0) {
            lines.add("- Path: " + droppedEmptyEntries + (droppedEmptyEntries == 1 ? " empty entry" : " empty entries"));
        }
        for (int i = 0; i < pathEntries.size(); i++) {
            String entry = pathEntries.get(i);
            if (staying.stream().noneMatch(m -> m.movedAs().equals(entry))) {
                lines.add("+ Path entry " + (i + 1) + ": " + entry);
            }
        }
        long others = PathEntries.split(pathAfter.data()).stream().filter(e -> !e.isBlank()).count() - pathEntries.size();
        if (others > 0) {
            lines.add("  Path: the other " + others + " entries stay, in their order, after these");
        }
        if (pathTooLong()) {
            lines.add("! Path would be " + pathAfter.data().length() + " characters long; Windows allows at most "
                    + PathEntries.MAX_LENGTH + ", so this change will be refused");
        }
    }

    /** An entry already written our way at the very place it would go: not worth a line. */
    private boolean staysPut(MovedPathEntry m) {
        return m.entry().equals(m.movedAs()) && pathEntries.indexOf(m.movedAs()) == m.index();
    }
}
