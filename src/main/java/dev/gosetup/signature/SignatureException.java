package dev.gosetup.signature;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;

/**
 * An archive whose origin cannot be proven: its signature is bad, made by a key that is not bound to a trusted
 * key (or was expired or revoked when it signed), unreadable, or missing where a signature is required. Always
 * fatal and treated like a checksum mismatch (exit 3): nothing of the archive is installed or kept.
 */
public class SignatureException extends ProblemException {
    public SignatureException(Problem problem) {
        super(problem);
    }

    public SignatureException(Problem problem, Throwable cause) {
        super(problem, cause);
    }

    static SignatureException of(String key, Object... args) {
        return new SignatureException(Problem.of(key, args));
    }
}
