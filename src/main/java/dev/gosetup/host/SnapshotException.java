package dev.gosetup.host;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.Reported;

/**
 * Detection input that cannot be used: a snapshot file that is binary, too large or malformed. The problem says
 * which file and what to do; callers show it, never a stack trace. Unchecked (detection reads its source in many
 * small steps), so it implements {@link Reported} rather than extending the checked ProblemException.
 */
public class SnapshotException extends RuntimeException implements Reported {
    private final Problem problem;

    public SnapshotException(Problem problem) {
        this(problem, null);
    }

    public SnapshotException(Problem problem, Throwable cause) {
        super(problem.english(), cause);
        this.problem = problem;
    }

    @Override
    public Problem problem() {
        return problem;
    }
}
