package dev.gosetup.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real Go builds of four versions (1.19.8, 1.21.13, 1.22.12, 1.23.5) and their go.dev/dl-style dl.json, built by
 * ../shared/bench/make-go-mirror.sh --versions and cached in ~/.cache/gosetup-test/multi-mirror (a first build takes
 * a few minutes; later runs reuse it). For toolchain switching: go1.21 and later switch, go1.19 cannot.
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
            Path script = Fixtures.root().resolveSibling("bench").resolve("make-go-mirror.sh");
            Process p = new ProcessBuilder("bash", script.toString(), "--versions", String.join(",", VERSIONS), dir.toString())
                    .inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("make-go-mirror.sh --versions failed (it needs apt-get download of Debian's golang packages)");
            }
        }
        return dir;
    }
}
