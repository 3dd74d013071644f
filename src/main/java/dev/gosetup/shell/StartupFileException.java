package dev.gosetup.shell;

import java.io.IOException;
import java.nio.file.Path;

/** A startup file we must not or cannot write: says which file, what is wrong and what to do. */
public class StartupFileException extends IOException {
    private final Path file;

    public StartupFileException(Path file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
