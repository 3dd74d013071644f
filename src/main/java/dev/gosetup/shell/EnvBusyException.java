package dev.gosetup.shell;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;

/** Another gosetup (a window, a command line, an IT script) is changing the same shell setup right now. */
public final class EnvBusyException extends ProblemException {
    EnvBusyException(Problem problem) {
        super(problem);
    }
}
