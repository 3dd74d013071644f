package dev.gosetup.shell;

import dev.gosetup.settings.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the environment must say: the active Go through the stable link (so switching versions needs no
 * edit), GOPATH and its bin, GOROOT only when asked for, and the Go variables the user or IT chose.
 *
 * @param home        the home folder the shells will have ($HOME)
 * @param goLink      the active-version link, e.g. ~/sdk/go
 * @param gopath      GOPATH (Go's default is ~/go)
 * @param setGoroot   export GOROOT (pointing at the link) instead of leaving it as a comment
 * @param goVariables GOPROXY and friends, in order; empty when none
 * @param folderVersions the opt-in per-folder Go for .go-version and .tool-versions projects (see {@link FolderGoHook})
 */
public record EnvSpec(Path home, Path goLink, Path gopath, boolean setGoroot, Map<String, String> goVariables,
                      boolean folderVersions) {

    public EnvSpec {
        goVariables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(goVariables)); // order kept
    }

    /** Without the per-folder Go: the machine-wide environment, and paths only. */
    public EnvSpec(Path home, Path goLink, Path gopath, boolean setGoroot, Map<String, String> goVariables) {
        this(home, goLink, gopath, setGoroot, goVariables, false);
    }

    public static EnvSpec of(Settings settings, Path home, Path sdkRoot) {
        Path gopath = settings.gopath() != null ? Path.of(settings.gopath()) : home.resolve("go");
        return new EnvSpec(home, sdkRoot.resolve("go"), gopath, settings.setGoroot(), settings.goEnv(), settings.folderVersions());
    }

    /**
     * The GOTOOLCHAIN suffix the per-folder Go writes ("+path", "+auto"), or empty when it is off or the GOTOOLCHAIN
     * setting (local, a fixed toolchain) leaves no room for it.
     */
    public java.util.Optional<String> folderVersionSuffix() {
        return folderVersions ? FolderGoHook.suffix(goVariables.get("GOTOOLCHAIN")) : java.util.Optional.empty();
    }

    public Path goBin() {
        return goLink.resolve("bin");
    }

    /**
     * The folder of the {@code go1.X.Y} commands beside the active link ({@code ~/sdk/bin}): go's toolchain
     * switching finds a project's version there on PATH.
     */
    public Path versionCommands() {
        return goLink.resolveSibling("bin");
    }

    public Path gopathBin() {
        return gopath.resolve("bin");
    }
}
