package dev.gosetup.shell;

import dev.gosetup.i18n.Problem;

/**
 * A startup file that is not a file we can read and write: a FIFO, a socket, a device, a folder, or one far
 * larger than a startup file. It is left alone, never opened; the other startup files still get set up.
 */
public final class UnusableFileException extends StartupFileException {
    private final StartupFiles.Unusable unusable;

    UnusableFileException(StartupFiles.Unusable unusable) {
        super(unusable.file(), unusable.problem());
        this.unusable = unusable;
    }

    public StartupFiles.Unusable unusable() {
        return unusable;
    }
}
