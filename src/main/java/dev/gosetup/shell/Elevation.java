package dev.gosetup.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a program with administrator rights, after the one elevation (UAC) prompt Windows shows, and waits for it. A
 * seam: ShellExecuteEx with the "runas" verb on Windows (shell.windows.ShellExecuteElevation), a fake in tests that
 * plays the elevated program.
 */
public interface Elevation {
    /** Windows' ERROR_CANCELLED: what ShellExecuteEx fails with when the user answers No to the prompt. */
    int DECLINED = 1223;

    /**
     * @param program   the program, an absolute path (never one taken from the environment)
     * @param arguments its arguments, each as the program should receive it
     * @return the program's exit code
     * @throws dev.gosetup.i18n.ProblemException {@code elevation.declined} when the user said no (nothing ran),
     *                                           {@code elevation.failed} when it could not be started or waited for
     */
    int run(Path program, List<String> arguments) throws IOException;
}
