package dev.gosetup.cli;

/** Exit codes of the command line (documented in the README). */
public final class ExitCodes {
    public static final int OK = 0;
    /** Something unexpected; details are in the log file. */
    public static final int FAILED = 1;
    /** Bad input: a wrong option, or a snapshot folder that cannot be used. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {}
}
