package dev.gosetup.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Real shells for tests: skipped where one is not installed, but a failure on CI, whose .ci/run installs them. */
public final class Shells {
    private Shells() {}

    public static void require(String name) {
        boolean found = List.of("/bin", "/usr/bin", "/usr/local/bin").stream().anyMatch(d -> Files.isExecutable(Path.of(d, name)));
        if (!found && System.getenv("CI") != null) {
            throw new AssertionError(name + " is not installed; .ci/run installs it");
        }
        Assumptions.assumeTrue(found, name + " is not installed here");
    }
}
