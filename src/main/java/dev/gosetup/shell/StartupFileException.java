package dev.gosetup.shell;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import java.nio.file.Path;

/**
 * A startup file we must not or cannot write: which file, and what is wrong as a {@link Problem} whose first
 * argument is that file (keys {@code startup.*}, with {@code .todo} saying what to do).
 */
public class StartupFileException extends ProblemException {
    private final Path file;

    public StartupFileException(Path file, Problem problem) {
        this(file, problem, null);
    }

    public StartupFileException(Path file, Problem problem, Throwable cause) {
        super(problem, cause);
        this.file = file;
    }

    /** A problem with {@code file} as its first argument. */
    static StartupFileException of(Path file, String key, Object... more) {
        Object[] args = new Object[more.length + 1];
        args[0] = file;
        System.arraycopy(more, 0, args, 1, more.length);
        return new StartupFileException(file, Problem.of(key, args));
    }

    public Path file() {
        return file;
    }
}
