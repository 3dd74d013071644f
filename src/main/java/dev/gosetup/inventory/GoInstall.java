package dev.gosetup.inventory;

import java.nio.file.Path;
import java.util.List;

/**
 * One Go on this machine, as found without running it.
 *
 * @param root      the GOROOT (the folder with VERSION and bin/)
 * @param version   VERSION's first line (go1.22.5), or null when there is no VERSION
 * @param platforms the OS-arch bin/go was built for, from its header ("darwin-amd64"; two for a universal binary)
 * @param problem   why this install is broken (no bin/go, unreadable), or null
 */
public record GoInstall(Path root, String version, List<String> platforms, Source source, String problem) {
    public boolean broken() {
        return problem != null;
    }

    public String arch() {
        return platforms.isEmpty() ? null : platforms.getFirst().replaceFirst("^[^-]+-", "");
    }

    public String os() {
        return platforms.isEmpty() ? null : platforms.getFirst().replaceFirst("-.*", "");
    }
}
