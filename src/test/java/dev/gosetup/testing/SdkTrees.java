package dev.gosetup.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A complete Go tree in an install root as golang.org/dl (and gosetup) leave it — bin/go, VERSION, and the
 * .unpacked-success they write last — for tests of what only looks at trees (use, remove, rollback, cleanup,
 * notices) and never runs that go: bin/go is an empty marker, not a program.
 */
public final class SdkTrees {
    private SdkTrees() {}

    /** {@code sdk/name} (e.g. go1.22.12), made complete; returns it. */
    public static Path complete(Path sdk, String name) throws IOException {
        Path root = sdk.resolve(name);
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.writeString(bin.resolve("go"), "#!/bin/sh\n");
        Files.writeString(root.resolve("VERSION"), name + "\n");
        Files.createFile(root.resolve(".unpacked-success"));
        return root;
    }
}
