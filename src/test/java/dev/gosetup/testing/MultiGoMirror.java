package dev.gosetup.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real Go builds of four versions (1.19.8, 1.21.13, 1.22.12, 1.23.5) for linux-amd64 and their go.dev/dl-style
 * dl.json, cached in ~/.cache/gosetup-test/multi-mirror: built by src/test/scripts/make-go-mirror.sh --versions (a
 * first build takes a few minutes; later runs reuse it) or fetched from go.dev (GoArchives says which). For toolchain switching: go1.21 and later switch, go1.19 cannot.
 */
public final class MultiGoMirror {
    public static final List<String> VERSIONS = List.of("1.19.8", "1.21.13", "1.22.12", "1.23.5");

    private MultiGoMirror() {}

    public static synchronized Path dir() throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("gosetup.go.multiMirror",
                Path.of(System.getProperty("user.home"), ".cache", "gosetup-test", "multi-mirror").toString()));
        boolean complete = Files.isRegularFile(dir.resolve("dl.json"))
                && VERSIONS.stream().allMatch(v -> Files.isRegularFile(dir.resolve("go" + v + ".linux-amd64.tar.gz")));
        if (!complete) {
            GoArchives.ensure(dir, VERSIONS, true);
        }
        return dir;
    }
}
