package dev.gosetup.inventory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which {@code go} a terminal opened now would run: what matters to the user, rather than this process's
 * own PATH (a window started before the shell environment was written, or from the desktop, has an older one).
 * {@link StartupPathGo} tells it from the startup files; a probe that starts the real shells can take its place.
 */
@FunctionalInterface
public interface NewTerminalGo {
    /** The go binary a new terminal finds first on its PATH, or empty when it finds none. */
    Optional<Path> go();
}
