package dev.gosetup.tools;

import dev.gosetup.i18n.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * One file in a bin folder, as read from its bytes.
 *
 * @param file         the file as listed in the folder
 * @param real         where it leads when it is a symbolic link (else the file itself); null when that could not be told
 * @param foreignOwner the owner's name when the file is not the user's (it was read, and is reported), else null
 * @param platforms    what its header says it runs on ("darwin-amd64"; two or more for a universal Mach-O)
 * @param buildInfo    its Go build information, when it is a Go binary
 * @param kind         what it turned out to be
 * @param problem      why it could not be read, for {@link Kind#UNREADABLE}
 */
public record ToolBinary(Path file, Path real, String foreignOwner, List<String> platforms, GoBuildInfo buildInfo, Kind kind,
                         Problem problem) {
    public enum Kind { GO, NOT_GO, NOT_A_PROGRAM, UNREADABLE }

    public ToolBinary {
        platforms = List.copyOf(platforms);
    }

    static ToolBinary unreadable(Path file, Path real, Problem problem) {
        return new ToolBinary(file, real, null, List.of(), null, Kind.UNREADABLE, problem);
    }

    /** The name a user types ("dlv", "gopls"; ".exe" dropped). */
    public String name() {
        String n = file.getFileName().toString();
        return n.toLowerCase(java.util.Locale.ROOT).endsWith(".exe") ? n.substring(0, n.length() - 4) : n;
    }

    /** The CPU archs the header names (amd64, arm64); one per slice of a universal binary. */
    public List<String> archs() {
        return platforms.stream().map(p -> p.replaceFirst("^[^-]+-", "")).toList();
    }
}
