package dev.gosetup.cli;

import java.io.Console;
import java.util.Optional;

/**
 * A person at a terminal, or not. Since Java 22 {@code System.console()} is not null when input is a pipe
 * or a file (JDK-8308591), so "is there a console" no longer means "can we ask": only
 * {@link Console#isTerminal()} does. Asking without one would read a script's input, or wait forever.
 */
final class Terminal {
    private Terminal() {}

    /** The console when both input and output are a terminal. */
    static Optional<Console> interactive() {
        Console c = System.console();
        return c != null && c.isTerminal() ? Optional.of(c) : Optional.empty();
    }
}
