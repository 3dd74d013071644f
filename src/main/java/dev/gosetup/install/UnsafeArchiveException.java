package dev.gosetup.install;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;

/** An archive that is corrupt or tries something unsafe (a link, "..", a bomb). Nothing is installed. */
public class UnsafeArchiveException extends ProblemException {
    public UnsafeArchiveException(Problem problem) {
        super(problem);
    }

    public UnsafeArchiveException(Problem problem, Throwable cause) {
        super(problem, cause);
    }
}
