package dev.gosetup.fetch;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;

/** A download that did not complete: the problem says what happened and (its .todo) what to try. */
public class DownloadException extends ProblemException {
    public DownloadException(Problem problem) {
        super(problem);
    }

    public DownloadException(Problem problem, Throwable cause) {
        super(problem, cause);
    }
}
