package dev.gosetup.shell;

import java.io.IOException;

/** Another gosetup (a window, a command line, an IT script) is changing the same shell setup right now. */
public final class EnvBusyException extends IOException {
    EnvBusyException(String message) {
        super(message);
    }
}
