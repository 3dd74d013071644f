package dev.gosetup.i18n;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;
import javax.net.ssl.SSLException;

/**
 * Any failure as a {@link Problem}: the engine's own carry one; the JDK's are told apart by type (a missing file, no
 * permission, a full disk, an unknown host …), so that even they read in the user's language. Only what nothing
 * here knows falls back to its own (English) message ({@code error.message}), or to its type when it has none.
 */
public final class Problems {
    private Problems() {
    }

    public static Problem of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof Reported r) {
                return r.problem();
            }
        }
        return ofJdk(error);
    }

    private static Problem ofJdk(Throwable e) {
        return switch (e) {
            case NoSuchFileException x -> Problem.of("error.io.noSuchFile", x.getFile());
            case AccessDeniedException x -> Problem.of("error.io.accessDenied", x.getFile());
            case FileAlreadyExistsException x -> Problem.of("error.io.exists", x.getFile());
            case DirectoryNotEmptyException x -> Problem.of("error.io.notEmpty", x.getFile());
            case NotDirectoryException x -> Problem.of("error.io.notFolder", x.getFile());
            case FileSystemException x when isDiskFull(x) -> Problem.of("error.io.diskFull", x.getFile());
            case FileSystemException x when isReadOnly(x) -> Problem.of("error.io.readOnly", x.getFile());
            case FileSystemException x when blank(x.getReason()) -> Problem.of("error.io.fileSystemPlain", x.getFile());
            case FileSystemException x -> Problem.of("error.io.fileSystem", x.getFile(), x.getReason());
            case ReadOnlyFileSystemException x -> Problem.of("error.io.readOnly", "?");
            case UnknownHostException x when blank(x.getMessage()) -> Problem.of("error.net.unknownHostPlain");
            case UnknownHostException x -> Problem.of("error.net.unknownHost", x.getMessage());
            case ConnectException x when blank(x.getMessage()) -> Problem.of("error.net.refusedPlain");
            case ConnectException x -> Problem.of("error.net.refused", x.getMessage());
            case HttpTimeoutException x -> Problem.of("error.net.timeout");
            case SSLException x when blank(x.getMessage()) -> Problem.of("error.net.tlsPlain");
            case SSLException x -> Problem.of("error.net.tls", x.getMessage());
            case InterruptedIOException x -> Problem.of("error.interrupted");
            case InterruptedException x -> Problem.of("error.interrupted");
            case OutOfMemoryError x -> Problem.of("error.memory");
            // Not known here: its own message is all there is (English from the JDK or a library); the type only
            // when there is no message at all.
            default -> blank(e.getMessage()) ? Problem.of("error.otherPlain", e.getClass().getSimpleName())
                    : Problem.of("error.message", e.getMessage());
        };
    }

    private static boolean isDiskFull(FileSystemException e) {
        String reason = e.getReason() == null ? "" : e.getReason();
        return reason.contains("No space left") || reason.contains("not enough space") || reason.contains("disk is full");
    }

    private static boolean isReadOnly(FileSystemException e) {
        return e.getReason() != null && e.getReason().contains("Read-only file system");
    }

    /** No detail from the JDK (its HTTP client and file systems often give none): the sentence ends there, not with "(-)". */
    private static boolean blank(String message) {
        return message == null || message.isBlank();
    }
}
