package dev.gosetup.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The program that started this gosetup, to run it again (elevated, for the machine Path). Only what the launcher
 * itself says counts: jpackage's launchers set {@code jpackage.app-path} to their own .exe, the development launcher
 * passes {@code -Dgosetup.launcher}. Never a path from PATH or another environment variable, which anyone who can
 * set them could point at a program of theirs that would then run as administrator. And since a system property can
 * be set from the environment too (JAVA_TOOL_OPTIONS), jpackage's is believed only when it names the very program
 * this process is running as: jpackage's launchers start the JVM inside their own process, so the OS's record of
 * the process's executable is that .exe.
 */
public final class OwnLauncher {
    private OwnLauncher() {}

    /** This process's launcher, when it is known and is an existing file. */
    public static Optional<Path> find() {
        return find(System::getProperty, ProcessHandle.current().info().command().map(Path::of));
    }

    /**
     * @param properties    system properties by name (null when unset)
     * @param ownExecutable the executable of this process as the OS records it, when known
     */
    static Optional<Path> find(Function<String, String> properties, Optional<Path> ownExecutable) {
        Optional<Path> installed = existing(properties.apply("jpackage.app-path"));
        if (installed.isPresent()) {
            return ownExecutable.isEmpty() || same(installed.get(), ownExecutable.get()) ? installed : Optional.empty();
        }
        // The development launcher is a script that execs java: the process is java, so there is nothing to compare.
        return existing(properties.apply("gosetup.launcher"));
    }

    private static Optional<Path> existing(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(value);
            return p.isAbsolute() && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty(); // not a path
        }
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
