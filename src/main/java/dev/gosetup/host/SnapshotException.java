package dev.gosetup.host;

/**
 * Detection input that cannot be used: a snapshot file that is binary, too large or malformed. The
 * message says which file and what to do; callers show it, never a stack trace.
 */
public class SnapshotException extends RuntimeException {
    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
