package dev.gosetup.mirror;

import dev.gosetup.release.ArchiveName;
import dev.gosetup.release.GoFile;
import dev.gosetup.release.GoVersion;

/**
 * One archive of the mirror: the release list's entry and its checked name (the only way the name becomes a
 * file in the folder).
 */
public record MirrorEntry(GoVersion version, boolean stable, GoFile file, ArchiveName name) {
    /** "linux-amd64" */
    public String platform() {
        return file.platform();
    }
}
