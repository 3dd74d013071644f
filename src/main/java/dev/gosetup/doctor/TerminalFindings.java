package dev.gosetup.doctor;

import dev.gosetup.doctor.Finding.Fix;
import dev.gosetup.doctor.Finding.Status;
import dev.gosetup.shell.Conflict;
import dev.gosetup.shell.StartupOrder;
import dev.gosetup.shell.terminal.Defeat;
import dev.gosetup.shell.terminal.TerminalCheck;
import dev.gosetup.shell.terminal.TerminalReport;
import dev.gosetup.shell.terminal.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What new terminals run, as health-check findings: one per shell (and per way it is started), and for a
 * shell whose new terminals do not get the active Go, one naming the line that undid our block, with the fix
 * that places the block below it. `gosetup env --apply` prints the same words after writing.
 */
public final class TerminalFindings {
    /** Argument positions of a path-undone finding that its fix reads back. */
    static final int ARG_LINE = 1;
    static final int ARG_TEXT = 2;
    static final int ARG_FILE = 4;
    static final int ARG_SHELL = 5;
    static final int ARG_STANDALONE = 6;

    private TerminalFindings() {}

    public static List<Finding> of(TerminalReport report, Path home) {
        List<Finding> out = new ArrayList<>();
        for (TerminalCheck c : report.checks()) {
            out.add(verdict(c, home));
            Defeat d = c.lastDefeat();
            if (d != null) {
                out.add(defeat(c, d, home));
            }
        }
        return out;
    }

    /** "new-terminal-bash", "new-terminal-bash-tab": stable, for scripts. */
    public static String id(TerminalCheck c) {
        return "new-terminal-" + c.shell().id + suffix(c.start());
    }

    /** "path-undone-bash", "path-undone-bash-tab". */
    public static String defeatId(TerminalCheck c) {
        return "path-undone-" + c.shell().id + suffix(c.start());
    }

    private static String suffix(StartupOrder.Start start) {
        return start == StartupOrder.Start.TAB ? "-tab" : "";
    }

    static Finding verdict(TerminalCheck c, Path home) {
        String seconds = String.format(Locale.ROOT, "%.1f", c.took().toMillis() / 1000.0);
        boolean installed = Files.exists(c.intended());
        // a go that gave no version (it printed something else, or nothing) is still "go" in the sentence, not a gap
        String version = c.version() == null || c.version().isBlank() ? "go" : c.version();
        Object[] args = {c.command(), version, tilde(c.goDir(), home), seconds, c.path(), tilde(c.intended().getParent().toString(), home),
                c.failure() != null ? c.failure() : c.problem()};
        Fix setUp = installed && !c.configured() ? Fix.APPLY_ENV : null;
        return switch (c.verdict()) {
            case OURS -> new Finding(id(c), Status.OK, "doctor.newTerminal.ok", List.of(args), null);
            case SHELL_MISSING -> new Finding(id(c), Status.OK, "doctor.newTerminal.missing.ok", List.of(args), null);
            case OTHER_GO -> installed ? new Finding(id(c), Status.WARN, "doctor.newTerminal.otherGo", List.of(args), setUp)
                    : new Finding(id(c), Status.OK, "doctor.newTerminal.other.ok", List.of(args), null);
            case NO_GO -> new Finding(id(c), installed ? Status.FAIL : Status.WARN, "doctor.newTerminal.noGo", List.of(args), setUp);
            case TIMED_OUT -> new Finding(id(c), Status.WARN, "doctor.newTerminal.timedOut", List.of(args), null);
            case FAILED -> new Finding(id(c), Status.WARN, c.failure() != null ? "doctor.newTerminal.notRun" : "doctor.newTerminal.failed",
                    List.of(args), null);
        };
    }

    static Finding defeat(TerminalCheck c, Defeat d, Path home) {
        String key = d.resets() ? "doctor.pathUndone.reset"
                : d.kind() == Conflict.Kind.GO_ON_PATH ? "doctor.pathUndone.goFirst" : "doctor.pathUndone.manager";
        List<Object> args = List.of(tilde(d.file().toString(), home), String.valueOf(d.line() + 1), d.text(), c.command(),
                d.file().toString(), d.shell().id, String.valueOf(d.standalone()));
        return new Finding(defeatId(c), c.verdict() == Verdict.NO_GO ? Status.FAIL : Status.WARN, key, args, Fix.PLACE_BLOCK_AFTER);
    }

    /**
     * Where a PLACE_BLOCK_AFTER fix puts the block ("file:line"): two shell starts that name the same line
     * (bash as login shell and as a tab) need one fix, not two.
     */
    public static String placement(Finding f) {
        return f.args().get(ARG_FILE) + ":" + f.args().get(ARG_LINE);
    }

    /** ~/sdk/go/bin for a path under the home folder: the way people write and read it. */
    public static String tilde(String path, Path home) {
        return path.isBlank() ? path : dev.gosetup.files.HomePaths.display(Path.of(path), home);
    }
}
