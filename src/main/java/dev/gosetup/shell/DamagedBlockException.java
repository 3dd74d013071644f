package dev.gosetup.shell;

import java.io.IOException;

/** Our markers are there but not as a pair: the file is left alone rather than guessed around. */
public final class DamagedBlockException extends IOException {
    public DamagedBlockException(String message) {
        super(message);
    }
}
