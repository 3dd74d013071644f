package dev.gosetup.update;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;

/**
 * The new Go was installed and verified, but did not pass its check ({@link NewGoCheck}): it was not made active
 * (the previous version stays active) and, when this update had installed it, it was removed again. Exit code 8.
 */
public final class UpdateCheckFailed extends ProblemException {
    UpdateCheckFailed(Problem problem) {
        super(problem);
    }
}
