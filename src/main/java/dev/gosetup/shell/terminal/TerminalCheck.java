package dev.gosetup.shell.terminal;

import dev.gosetup.i18n.Problem;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.StartupOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one freshly started shell answered, and what that means.
 *
 * @param command     how it was started, e.g. "bash -l -i" (also the words shown to the user)
 * @param executable  the shell's path, or null when it is not installed
 * @param go          what `command -v go` said (a path; a name for a function or alias); "" for none
 * @param version     from `go version`, e.g. "go1.22.5"; "" when there is no go
 * @param path        the PATH the shell ended up with
 * @param problem     for TIMED_OUT and FAILED: the last lines the shell wrote (noise filtered), else ""
 * @param intended    the go gosetup means to run (~/sdk/go/bin/go), whether it exists or not
 * @param configured  our block (or our env script) is in a file this start reads
 * @param defeats     lines read after our block that undo it, in the order the shell runs them (the last
 *                    one is where a fix places our block); empty when the check passed
 * @param failure     for FAILED when gosetup could not run the shell at all (a startup file that is a FIFO, a
 *                    shell that cannot be started): why, for the faces; {@code problem} then holds it in English
 */
public record TerminalCheck(Shell shell, StartupOrder.Start start, String command, String executable, Verdict verdict,
                            String go, String version, String goroot, String gopath, String gotoolchain, String path,
                            String problem, Duration took, Path intended, boolean configured, List<Defeat> defeats,
                            Problem failure) {

    public TerminalCheck {
        defeats = List.copyOf(defeats);
    }

    /** A check in which the shell ran (it answered, or its last words say why not). */
    public TerminalCheck(Shell shell, StartupOrder.Start start, String command, String executable, Verdict verdict,
                         String go, String version, String goroot, String gopath, String gotoolchain, String path,
                         String problem, Duration took, Path intended, boolean configured, List<Defeat> defeats) {
        this(shell, start, command, executable, verdict, go, version, goroot, gopath, gotoolchain, path, problem, took, intended,
                configured, defeats, null);
    }

    /** A new terminal of this shell runs the active Go, or the shell is not there to run anything. */
    public boolean fine() {
        return verdict == Verdict.OURS || verdict == Verdict.SHELL_MISSING;
    }

    /** The line a fix places our block after: the last defeat the shell runs; null when there is none. */
    public Defeat lastDefeat() {
        return defeats.isEmpty() ? null : defeats.getLast();
    }

    /** The folder the go that runs is in, e.g. ~/sdk/go/bin; "" when no go or not a path. */
    public String goDir() {
        int slash = go.lastIndexOf('/');
        return slash > 0 ? go.substring(0, slash) : "";
    }
}
