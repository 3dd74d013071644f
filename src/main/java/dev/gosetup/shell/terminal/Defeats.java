package dev.gosetup.shell.terminal;

import dev.gosetup.shell.Shell;
import dev.gosetup.shell.ShellFiles;
import dev.gosetup.shell.StartupOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds what undoes our block, from the files themselves in the order the shell reads them: the lines after
 * the last place our block runs that set PATH from scratch or put another Go first. The real shell has
 * already said that something did (the verdict); this names the file and line, and the fix follows from it.
 */
public final class Defeats {
    /** Whether our block is read at all by this start, and what comes after it. */
    public record Found(boolean configured, List<Defeat> defeats) {}

    private Defeats() {}

    /**
     * @param verdict what the shell answered: with no go only a PATH reset explains it; with another go a
     *                reset, another Go in front or a version manager's shims do
     */
    public static Found find(ShellFiles files, Shell shell, StartupOrder.Start start, Verdict verdict) {
        List<StartupOrder.Step> steps = StartupOrder.walk(files, shell, start);
        int lastOurs = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).ours()) {
                lastOurs = i;
            }
        }
        if (lastOurs < 0) {
            return new Found(false, List.of());
        }
        List<Defeat> out = new ArrayList<>();
        for (StartupOrder.Step s : steps.subList(lastOurs + 1, steps.size())) {
            boolean undoes = s.resetsPath() || verdict == Verdict.OTHER_GO && s.putsOtherGoFirst();
            if (undoes) {
                out.add(new Defeat(shell, start, s.file(), s.line(), s.text().strip(), s.kind(), s.standalone(), s.resetsPath()));
            }
        }
        return new Found(true, out);
    }
}
