package dev.gosetup.mirror.toolchain;

import dev.gosetup.release.GoVersion;
import dev.gosetup.release.Platform;
import java.nio.file.Path;

/** A Go distribution archive already in the mirror (go1.X.Y.GOOS-GOARCH.tar.gz or .zip), verified by its caller. */
public record ArchiveInput(Path archiveFile, GoVersion version, Platform platform) {
    public ToolchainModule module() {
        return new ToolchainModule(version, platform);
    }
}
