package dev.gosetup.mirror;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;

/** A mirror folder that cannot be built or used as it is (a link, another account's, a bad list in it). */
public class MirrorException extends ProblemException {
    public MirrorException(Problem problem) {
        super(problem);
    }

    public MirrorException(Problem problem, Throwable cause) {
        super(problem, cause);
    }

    /** Another gosetup is building the same folder: try again when it is done. */
    public static final class Busy extends MirrorException {
        public Busy(Problem problem) {
            super(problem);
        }
    }
}
