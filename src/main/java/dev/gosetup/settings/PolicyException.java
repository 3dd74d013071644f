package dev.gosetup.settings;

import dev.gosetup.i18n.Messages;

/**
 * The policy file cannot be used. Never answered by falling back to unmanaged defaults: the command line
 * exits with code 2, the window refuses installs until IT fixes the file.
 */
public final class PolicyException extends IllegalArgumentException {
    private final PolicyProblem problem;

    public PolicyException(PolicyProblem problem) {
        super(problem.english());
        this.problem = problem;
    }

    public PolicyProblem problem() {
        return problem;
    }

    public String describe(Messages messages) {
        return problem.describe(messages);
    }
}
