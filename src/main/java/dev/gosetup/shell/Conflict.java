package dev.gosetup.shell;

import java.nio.file.Path;

/**
 * A line outside our block that sets up Go another way, and would fight ours.
 *
 * @param line       0-based line index in the file
 * @param text       the line as the user wrote it
 * @param kind       what it does
 * @param canDisable true when commenting out this one line is safe (a top-level statement of its own);
 *                   lines inside if/for/functions or continued with a backslash are only reported
 */
public record Conflict(Path file, int line, String text, Kind kind, boolean canDisable) {
    public enum Kind {
        /** export GOROOT=…: pins every go to one root; a wrong one breaks builds */
        GOROOT,
        /** export GOPATH=… differing from ours, or any GOPATH line */
        GOPATH,
        /** a PATH entry for another Go (/usr/local/go/bin, $GOROOT/bin, ~/.go/bin …) */
        GO_ON_PATH,
        /** gvm or goenv: another Go version manager */
        GO_VERSION_MANAGER,
        /** asdf or mise manage Go among other tools: reported, never commented out (it would break the others) */
        TOOL_MANAGER,
        /** PATH set outright without $PATH: whatever ran before it is gone */
        PATH_RESET,
        /** GOPROXY and friends set here too: the later one wins */
        GO_VARIABLE
    }

    /** The resource-bundle key explaining this kind. */
    public String explanationKey() {
        return "env.conflict." + kind.name();
    }
}
