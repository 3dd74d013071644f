package dev.gosetup.mirror.toolchain;

import dev.gosetup.release.GoVersion;
import dev.gosetup.release.Platform;

/**
 * One version of the module golang.org/toolchain: {@code v0.0.1-go1.X.Y.GOOS-GOARCH} (cmd/distpack's modVersionPrefix
 * and cmd/go's gover.ToolchainModule), the form in which cmd/go downloads a toolchain for GOTOOLCHAIN switching.
 */
public record ToolchainModule(GoVersion go, Platform platform) {
    public static final String PATH = "golang.org/toolchain";
    public static final String GO_MOD = "module " + PATH + "\n";

    public String version() {
        return "v0.0.1-" + go.name() + "." + platform.os() + "-" + platform.arch();
    }

    /** The folder inside every file name of the module zip: "golang.org/toolchain@v0.0.1-go1.23.5.linux-amd64/". */
    public String zipPrefix() {
        return PATH + "@" + version() + "/";
    }

    /** Where the proxy protocol puts the module's files: DIR/golang.org/toolchain/@v/. */
    public static java.nio.file.Path folder(java.nio.file.Path mirrorDir) {
        return mirrorDir.resolve("golang.org").resolve("toolchain").resolve("@v");
    }
}
