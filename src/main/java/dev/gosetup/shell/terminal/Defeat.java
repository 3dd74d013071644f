package dev.gosetup.shell.terminal;

import dev.gosetup.shell.Conflict;
import dev.gosetup.shell.Shell;
import dev.gosetup.shell.StartupOrder;
import java.nio.file.Path;

/**
 * A line a shell runs after our block that undoes it: PATH set from scratch, another Go put in front, or a
 * version manager that puts its own shims first.
 *
 * @param line       0-based line index in {@code file}
 * @param kind       PATH_RESET, GO_ON_PATH, GO_VERSION_MANAGER or TOOL_MANAGER
 * @param standalone a top-level statement of its own: our block can go right below it (else at the file's end)
 * @param resets     it sets PATH from scratch (else it puts another Go or a version manager's shims first)
 */
public record Defeat(Shell shell, StartupOrder.Start start, Path file, int line, String text, Conflict.Kind kind, boolean standalone,
                     boolean resets) {}
