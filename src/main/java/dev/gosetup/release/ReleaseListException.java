package dev.gosetup.release;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.Reported;

/**
 * A release list that cannot be used; the problem names the list and what is wrong. Unchecked (a parsed list is
 * read in many places that cannot do anything about a bad one), so it implements {@link Reported} rather than
 * extending the checked {@link dev.gosetup.i18n.ProblemException}; {@link #getMessage()} is English for the log.
 */
public class ReleaseListException extends RuntimeException implements Reported {
    private final Problem problem;

    public ReleaseListException(Problem problem, Throwable cause) {
        super(problem.english(), cause);
        this.problem = problem;
    }

    public ReleaseListException(Problem problem) {
        this(problem, null);
    }

    @Override
    public Problem problem() {
        return problem;
    }
}
