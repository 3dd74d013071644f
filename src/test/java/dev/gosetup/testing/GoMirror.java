package dev.gosetup.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real Go 1.19.8 linux-amd64 archive (64 MB, official layout) and its dl.json, cached in
 * ~/.cache/gosetup-test/go-mirror so that `mvn clean` does not rebuild it. Built from Debian's packages by
 * src/test/scripts/make-go-mirror.sh, or go.dev's own archive where that cannot work (GoArchives says which).
 */
public final class GoMirror {
    public static final String FILE = "go1.19.8.linux-amd64.tar.gz";

    private GoMirror() {}

    public static synchronized Path dir() throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("gosetup.go.mirror",
                Path.of(System.getProperty("user.home"), ".cache", "gosetup-test", "go-mirror").toString()));
        if (!Files.isRegularFile(dir.resolve(FILE)) || !Files.isRegularFile(dir.resolve("dl.json"))) {
            GoArchives.ensure(dir, List.of("1.19.8"), false);
        }
        return dir;
    }

    public static String sha256() throws IOException, InterruptedException {
        return Files.readString(dir().resolve(FILE + ".sha256")).strip();
    }
}
