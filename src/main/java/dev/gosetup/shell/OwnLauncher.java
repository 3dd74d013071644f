package dev.gosetup.shell;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The program that started this gosetup, to run it again (elevated, for the machine Path). Only what the launcher
 * itself says counts: jpackage's launchers set {@code jpackage.app-path} to their own .exe, the development launcher
 * passes {@code -Dgosetup.launcher}. Never a path from PATH or another environment variable, which anyone who can
 * set them could point at a program of theirs that would then run as administrator.
 */
public final class OwnLauncher {
    private OwnLauncher() {}

    /** This process's launcher, when it is known and is an existing file. */
    public static Optional<Path> find() {
        return find(System::getProperty);
    }

    /** @param properties system properties by name (null when unset) */
    static Optional<Path> find(Function<String, String> properties) {
        for (String name : new String[] {"jpackage.app-path", "gosetup.launcher"}) {
            String value = properties.apply(name);
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                Path p = Path.of(value);
                if (p.isAbsolute() && Files.isRegularFile(p)) {
                    return Optional.of(p);
                }
            } catch (InvalidPathException e) {
                // not a path: look at the next source
            }
        }
        return Optional.empty();
    }
}
