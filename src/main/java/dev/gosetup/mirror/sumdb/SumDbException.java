package dev.gosetup.mirror.sumdb;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;

/** A checksum database (its key, its log, a server's answer) is not what it must be. */
public class SumDbException extends ProblemException {
    public SumDbException(Problem problem) {
        super(problem);
    }

    public SumDbException(Problem problem, Throwable cause) {
        super(problem, cause);
    }
}
