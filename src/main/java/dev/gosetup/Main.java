package dev.gosetup;

import dev.gosetup.cli.GoSetupCommand;

/** Entry point of both faces: the command line, and with {@code gui} (or no arguments on a desktop) the window. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        AppContext context = AppContext.start();
        int exitCode = GoSetupCommand.run(context, args);
        System.exit(exitCode);
    }
}
