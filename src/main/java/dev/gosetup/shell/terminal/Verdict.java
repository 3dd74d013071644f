package dev.gosetup.shell.terminal;

/** What a new terminal of one shell gets, measured against the Go gosetup made active (~/sdk/go). */
public enum Verdict {
    /** The active Go: ~/sdk/go/bin/go is the go that runs. */
    OURS,
    /** Another go runs (or nothing is installed in the install root yet and some other go runs). */
    OTHER_GO,
    /** No go at all. */
    NO_GO,
    /** The shell is not installed here: nothing to check. */
    SHELL_MISSING,
    /** The shell did not answer in time (slow or waiting startup files); it was stopped. */
    TIMED_OUT,
    /** The shell ended without answering (an error in a startup file, or it could not start). */
    FAILED
}
