package dev.gosetup.fetch;

/** The bytes are not the ones the release list describes: wrong digest or wrong size. Nothing is kept. */
public class ChecksumMismatchException extends java.io.IOException {
    public ChecksumMismatchException(String message) {
        super(message);
    }
}
