package dev.gosetup.shell;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.Reported;

/**
 * A request the Windows environment editor cannot carry out as asked: a PATH entry that would split into two (an
 * install root with ";" in its name), a variable name Windows cannot hold, an undo aimed at another scope than the
 * change it undoes. A refusal of the request, not a failure (exit code 2, as for every
 * {@link IllegalArgumentException}); the faces say it with {@link dev.gosetup.i18n.Messages#describe(Throwable)}.
 */
public final class EnvRequestRefused extends IllegalArgumentException implements Reported {
    private final transient Problem problem;

    EnvRequestRefused(Problem problem) {
        super(problem.english());
        this.problem = problem;
    }

    @Override
    public Problem problem() {
        return problem;
    }
}
