package dev.gosetup.release;

/** A release list that cannot be used; the message says which list and what is wrong. */
public class ReleaseListException extends RuntimeException {
    public ReleaseListException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReleaseListException(String message) {
        super(message);
    }
}
