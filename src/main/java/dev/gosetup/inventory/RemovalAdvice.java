package dev.gosetup.inventory;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How an install is removed by the tool that put it there. Only ~/sdk versions are removed by Go Setup
 * Assistant itself; for the others removing the folder would leave the manager's records wrong, so the
 * user gets the manager's own command.
 */
public final class RemovalAdvice {
    private RemovalAdvice() {}

    /**
     * The command to run, as it can be pasted into a terminal (no words around it: the face shows it in a copyable
     * field and says what it is in the user's language), or empty for ~/sdk (removed here) and for a Go found only on PATH (unknown owner).
     */
    public static Optional<String> command(GoInstall install) {
        Path root = install.root();
        String version = install.version() == null ? "" : install.version().replaceFirst("^go", "");
        String line = version.replaceFirst("^(\\d+\\.\\d+).*", "$1");
        String folder = root.getFileName() == null ? "" : root.getFileName().toString();
        return Optional.ofNullable(switch (install.source()) {
            case SDK, PATH -> null;
            // the macOS package also puts /etc/paths.d/go; elsewhere rm -f finds none and says nothing
            case OFFICIAL -> "sudo rm -rf " + root + " && sudo rm -f /etc/paths.d/go";
            case HOMEBREW -> "brew uninstall " + formula(root);
            case MACPORTS -> "sudo port uninstall go";
            case DISTRO -> root.toString().endsWith("/golang") ? "sudo dnf remove golang" : "sudo apt remove golang-" + line + "-go";
            case SNAP -> "sudo snap remove go";
            case ASDF -> "asdf uninstall golang " + version;
            case MISE -> "mise uninstall go@" + folder;
            case GOENV -> "goenv uninstall " + folder;
            case GVM -> "gvm uninstall " + folder;
            case G -> "g uninstall " + folder;
            // the module cache is read-only on purpose; this removes one toolchain, not the whole cache
            case TOOLCHAIN -> "chmod -R u+w '" + root + "' && rm -rf '" + root + "'";
            case WINDOWS -> "winget uninstall --id GoLang.Go";
            case SCOOP -> "scoop uninstall go";
            // Windows' own Go is removed in Windows: from WSL, through cmd.exe (interop)
            case WSL_WINDOWS -> "cmd.exe /c winget uninstall --id GoLang.Go";
        });
    }

    /** go@1.21 or go, from .../Cellar/<formula>/<version>/libexec. */
    static String formula(Path root) {
        Path versionDir = root.getParent();
        Path formulaDir = versionDir == null ? null : versionDir.getParent();
        return formulaDir == null ? "go" : formulaDir.getFileName().toString();
    }
}
