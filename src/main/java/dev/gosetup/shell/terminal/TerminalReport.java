package dev.gosetup.shell.terminal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What freshly opened terminals get, shell by shell (the login shell first), and how long finding out took.
 * Empty when nothing was checked (Windows, or the check was turned off).
 */
public record TerminalReport(List<TerminalCheck> checks, Duration took) {
    public static final TerminalReport NONE = new TerminalReport(List.of(), Duration.ZERO);

    public TerminalReport {
        checks = List.copyOf(checks);
    }

    public boolean ran() {
        return checks.stream().anyMatch(c -> c.verdict() != Verdict.SHELL_MISSING);
    }

    /** Every shell that is installed runs the active Go in a new terminal. */
    public boolean newTerminalsFine() {
        return ran() && checks.stream().allMatch(TerminalCheck::fine);
    }

    /** The first shell that answered (the login shell's, when it did): the PATH a new terminal has. */
    public Optional<TerminalCheck> first() {
        return checks.stream().filter(c -> c.verdict() != Verdict.SHELL_MISSING && c.verdict() != Verdict.TIMED_OUT
                && c.verdict() != Verdict.FAILED).findFirst();
    }

    public List<Defeat> defeats() {
        return checks.stream().flatMap(c -> c.defeats().stream()).toList();
    }
}
