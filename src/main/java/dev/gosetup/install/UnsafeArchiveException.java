package dev.gosetup.install;

/** An archive that is corrupt or tries something unsafe (a link, "..", a bomb). Nothing is installed. */
public class UnsafeArchiveException extends java.io.IOException {
    public UnsafeArchiveException(String message) {
        super(message);
    }

    public UnsafeArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
