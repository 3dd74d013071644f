package dev.gosetup.settings;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.Reported;

/**
 * The policy file cannot be used. Never answered by falling back to unmanaged defaults: the command line
 * exits with code 2 (an {@link IllegalArgumentException}: the request cannot be served as the machine is set up),
 * the window refuses installs until IT fixes the file. The faces say it with
 * {@link dev.gosetup.i18n.Messages#describe(Throwable)}; {@link #getMessage()} is English, for the log.
 */
public final class PolicyException extends IllegalArgumentException implements Reported {
    private final PolicyProblem policyProblem;

    public PolicyException(PolicyProblem problem) {
        super(problem.english());
        this.policyProblem = problem;
    }

    /** Which file, which field, what: for the doctor's finding and for tests. */
    public PolicyProblem policyProblem() {
        return policyProblem;
    }

    @Override
    public Problem problem() {
        return policyProblem.problem();
    }
}
