package dev.gosetup.i18n;

/**
 * Input that cannot be used (a version, a platform, a mirror URL the user typed), as a {@link Problem}: still an
 * {@link IllegalArgumentException}, so the command line's exit code for bad input applies, but the faces show its
 * problem in the user's language instead of the class name and an English message.
 */
public class ProblemArgumentException extends IllegalArgumentException implements Reported {
    private final Problem problem;

    public ProblemArgumentException(String key, Object... args) {
        this(Problem.of(key, args));
    }

    public ProblemArgumentException(Problem problem) {
        super(problem.english());
        this.problem = problem;
    }

    @Override
    public Problem problem() {
        return problem;
    }
}
