package dev.gosetup.i18n;

import java.io.IOException;

/**
 * The base of the engine's checked failures: a {@link Problem} instead of prose. {@link #getMessage()} is the English
 * text with its key, for the log; the faces show {@link Messages#describe(Throwable)} in the user's language.
 */
public class ProblemException extends IOException implements Reported {
    private final Problem problem;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(Problem problem, Throwable cause) {
        super(problem.english(), cause);
        this.problem = problem;
    }

    @Override
    public Problem problem() {
        return problem;
    }
}
