package dev.gosetup.fetch;

/** A download that did not complete: the message says what happened and what to try. */
public class DownloadException extends java.io.IOException {
    public DownloadException(String message) {
        super(message);
    }

    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
