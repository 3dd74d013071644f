package dev.gosetup.cli;

/** Exit codes of the command line (documented in the README). */
public final class ExitCodes {
    public static final int OK = 0;
    /**
     * Something unexpected (details are in the log file); for env and doctor also a startup file left alone
     * because it is not a file, or the shell setup's lock held by another gosetup.
     */
    public static final int FAILED = 1;
    /**
     * Bad input: a wrong option or version, a snapshot folder that cannot be used, or an install root that does
     * not allow the request as it is (a version not installed or active, a folder gosetup did not make in the
     * way, a read-only root).
     */
    public static final int BAD_INPUT = 2;
    /** The file is not the one the release list describes (digest or size). */
    public static final int CHECKSUM = 3;
    /** The archive is unsafe or corrupt. */
    public static final int UNSAFE_ARCHIVE = 4;
    /** The release list or the file could not be downloaded. */
    public static final int DOWNLOAD_FAILED = 5;
    /** The release has no build for this platform. */
    public static final int NO_BUILD = 6;
    /**
     * Another gosetup is installing into (or removing from) the same install root, or building the same mirror
     * folder; try again when it is done.
     */
    public static final int BUSY = 7;
    /**
     * update: the new version was installed and verified but did not pass its check (running its go version and
     * go env); it was not made active, the previous version still is, and a tree the update installed was removed.
     */
    public static final int CHECK_FAILED = 8;

    private ExitCodes() {}
}
