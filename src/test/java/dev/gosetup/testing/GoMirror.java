package dev.gosetup.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real Go 1.19.8 linux-amd64 archive built by ../shared/bench/make-go-mirror.sh (64 MB, official
 * layout), cached in ~/.cache/gosetup-test/go-mirror so that `mvn clean` does not rebuild it.
 */
public final class GoMirror {
    public static final String FILE = "go1.19.8.linux-amd64.tar.gz";

    private GoMirror() {}

    public static synchronized Path dir() throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("gosetup.go.mirror",
                Path.of(System.getProperty("user.home"), ".cache", "gosetup-test", "go-mirror").toString()));
        if (!Files.isRegularFile(dir.resolve(FILE)) || !Files.isRegularFile(dir.resolve("dl.json"))) {
            Path script = Fixtures.root().resolveSibling("bench").resolve("make-go-mirror.sh");
            Process p = new ProcessBuilder("bash", script.toString(), dir.toString()).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("make-go-mirror.sh failed (it needs apt-get download of golang-1.19)");
            }
        }
        return dir;
    }

    public static String sha256() throws IOException, InterruptedException {
        return Files.readString(dir().resolve(FILE + ".sha256")).strip();
    }
}
