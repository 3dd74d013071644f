package dev.gosetup.tools;

import java.util.List;
import java.util.Optional;

/**
 * What a Go binary says about how it was built: runtime/debug.BuildInfo, read from the file.
 *
 * @param goVersion the Go that built it ("go1.21.13", or "devel go1.24-abcdef …" for a development toolchain)
 * @param path      the main package's import path (what `go install` takes), or "" for binaries built without modules
 * @param main      the main module (version "(devel)" when built from a working tree), or null when none is recorded
 * @param deps      the dependency modules
 * @param settings  the build settings in their order (-ldflags, CGO_ENABLED, GOARCH, GOOS, GOAMD64, vcs…; Go 1.18+)
 * @param modinfo   the module text as stored in the binary (the lines `go version -m` shows), "" when none
 */
public record GoBuildInfo(String goVersion, String path, Module main, List<Module> deps, List<Setting> settings, String modinfo) {

    /** A module line: path, version and go.sum hash, and what a replace directive put in its place. */
    public record Module(String path, String version, String sum, Module replace) {}

    /** A {@code build KEY=VALUE} line. */
    public record Setting(String key, String value) {}

    public GoBuildInfo {
        deps = List.copyOf(deps);
        settings = List.copyOf(settings);
    }

    /** The value of a build setting ("GOOS", "GOARCH", "CGO_ENABLED", "-ldflags", "vcs.revision"), when recorded. */
    public Optional<String> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).map(Setting::value).findFirst();
    }
}
