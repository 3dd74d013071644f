package dev.gosetup.shell;

import dev.gosetup.i18n.Text;
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
    public List<Text> diffLines() {
        List<Text> lines = new ArrayList<>();
        if (changesPath()) {
            pathLines(lines);
        }
        for (VariableChange v : variables) {
            if (v.before() != null) {
                lines.add(ShellText.of("winenv.diff.varBefore", v.name(), v.before().data(), v.before().typeName()));
            }
            lines.add(ShellText.of("winenv.diff.varAfter", v.name(), v.after().data(), v.after().typeName()));
        }
        return lines;
    }

    /** The diff with a heading, or a line saying there is nothing to do: one text a line. */
    public List<Text> diffText() {
        if (!changesAnything()) {
            return List.of(ShellText.of("winenv.diff.nothing", scope));
        }
        List<Text> out = new ArrayList<>();
        out.add(ShellText.of("winenv.diff.heading", scope));
        out.addAll(diffLines());
        return out;
    }

    private void pathLines(List<Text> lines) {
        if (pathBefore == null) {
            lines.add(ShellText.of("winenv.diff.newPath", pathAfter.typeName()));
        } else if (pathBefore.expandable() != pathAfter.expandable()) {
            lines.add(ShellText.of("winenv.diff.pathType", pathBefore.typeName(), pathAfter.typeName()));
        }
        List<MovedPathEntry> staying = movedPathEntries.stream().filter(this::staysPut).toList();
        for (MovedPathEntry m : movedPathEntries) {
            if (!staying.contains(m)) {
                lines.add(ShellText.of("winenv.diff.entryGone", m.index() + 1, m.entry()));
            }
        }
        if (droppedEmptyEntries > 0) {
            lines.add(ShellText.of("winenv.diff.emptyEntries", droppedEmptyEntries));
        }
        for (int i = 0; i < pathEntries.size(); i++) {
            String entry = pathEntries.get(i);
            if (staying.stream().noneMatch(m -> m.movedAs().equals(entry))) {
                lines.add(ShellText.of("winenv.diff.entryAdded", i + 1, entry));
            }
        }
        long others = PathEntries.split(pathAfter.data()).stream().filter(e -> !e.isBlank()).count() - pathEntries.size();
        if (others > 0) {
            lines.add(ShellText.of("winenv.diff.othersStay", others));
        }
        if (pathTooLong()) {
            lines.add(ShellText.of("winenv.diff.tooLong", pathAfter.data().length(), PathEntries.MAX_LENGTH));
        }
    }

    /** An entry already written our way at the very place it would go: not worth a line. */
    private boolean staysPut(MovedPathEntry m) {
        return m.entry().equals(m.movedAs()) && pathEntries.indexOf(m.movedAs()) == m.index();
    }
}
