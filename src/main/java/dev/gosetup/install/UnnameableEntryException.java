package dev.gosetup.install;

import dev.gosetup.i18n.Problem;

/**
 * A file of the archive that this system cannot name: Java names files in the locale's character set, and under a
 * locale that is not UTF-8 a name such as Go's own test/fixedbugs/issue27836.dir/Äfoo.go has no bytes there. The
 * archive is fine and the locale is what to change: its own message says so. It is an UnsafeArchiveException only so
 * that the unpacker hands it on as it does every refused entry (nothing is installed, no half version stays).
 */
public final class UnnameableEntryException extends UnsafeArchiveException {
    public UnnameableEntryException(Problem problem, Throwable cause) {
        super(problem, cause);
    }
}
