package dev.gosetup.release;

import java.util.Optional;

/**
 * Picks the archive of a release for a platform: tar.gz, or zip on Windows, for the native arch. When a
 * release has no build for an arm64 Mac (before go1.16) it offers the amd64 build only as an explicit
 * alternative that runs under Rosetta 2; it never falls back by itself.
 */
public final class ArchiveChooser {

    /** What to download, or why there is nothing. */
    public sealed interface Choice {
        record Found(GoFile file) implements Choice {}

        /** No build for the platform; {@code alternative} runs translated (Rosetta 2) if the user agrees. */
        record NoBuild(String platform, GoFile alternative) implements Choice {}
    }

    public Choice choose(Release release, Platform platform) {
        Optional<GoFile> exact = archiveFor(release, platform.os(), platform.arch());
        if (exact.isPresent()) {
            return new Choice.Found(exact.get());
        }
        GoFile alternative = null;
        if (platform.os().equals("darwin") && platform.arch().equals("arm64")) {
            alternative = archiveFor(release, "darwin", "amd64").orElse(null);
        } else if (platform.os().equals("windows") && platform.arch().equals("arm64")) {
            alternative = archiveFor(release, "windows", "amd64").orElse(null);
        }
        return new Choice.NoBuild(platform.toString(), alternative);
    }

    private static Optional<GoFile> archiveFor(Release release, String os, String arch) {
        String extension = os.equals("windows") ? ".zip" : ".tar.gz";
        return release.files().stream()
                .filter(GoFile::isArchive)
                .filter(f -> os.equals(f.os()) && arch.equals(f.arch()))
                .filter(f -> f.filename().endsWith(extension))
                .findFirst();
    }
}
