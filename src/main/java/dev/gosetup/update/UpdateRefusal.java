package dev.gosetup.update;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;

/**
 * An update or rollback that the install root as it is does not allow: no active version to update, nothing to
 * roll back to, a previous version that was removed since. The request's fault, not gosetup's (exit code 2).
 */
public final class UpdateRefusal extends ProblemException {
    UpdateRefusal(String key, Object... args) {
        super(Problem.of(key, args));
    }
}
