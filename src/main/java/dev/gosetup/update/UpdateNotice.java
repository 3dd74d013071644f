package dev.gosetup.update;

import dev.gosetup.release.GoVersion;

/**
 * What is newer than the active Go, by the release list: a newer patch of its line, whether its line still gets
 * fixes (Go supports the two newest lines), and the newest line there is. go.dev's list does not say which patch is
 * a security release, so this does not either.
 *
 * @param active        the active version
 * @param newerPatch    the newest (permitted) patch of the active line, when newer than the active one; else null
 * @param lineSupported whether the active line is one of the two newest
 * @param newerLine     the newest (permitted) stable release of a newer line; else null
 */
public record UpdateNotice(GoVersion active, GoVersion newerPatch, boolean lineSupported, GoVersion newerLine) {

    /**
     * What "Update" installs: the newer patch of the line; without one, the newest line (when the active line is
     * unsupported there is nothing else to move to, and otherwise it is the only newer Go).
     */
    public GoVersion target() {
        return newerPatch != null ? newerPatch : newerLine;
    }

    /** Whether the target is on another line (the CLI needs {@code --line} for it). */
    public boolean changesLine() {
        return !target().line().equals(active.line());
    }

    /** The bundle key of the sentence that says it (all three cases, in the order that matters). */
    public String key() {
        if (newerPatch != null) {
            return lineSupported ? "update.notice.patch" : "update.notice.patchUnsupported";
        }
        return lineSupported ? "update.notice.line" : "update.notice.unsupported";
    }

    /** The arguments of {@link #key()}: active, target, newer line (or "-"). */
    public Object[] args() {
        return new Object[] {active.name(), target().name(), newerLine == null ? "-" : newerLine.name()};
    }
}
