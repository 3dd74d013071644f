package dev.gosetup.fetch;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;

/** The bytes are not the ones the release list describes: wrong digest or wrong size. Nothing is kept. */
public class ChecksumMismatchException extends ProblemException {
    public ChecksumMismatchException(Problem problem) {
        super(problem);
    }
}
