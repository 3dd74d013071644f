package dev.gosetup.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where GoMirror's and MultiGoMirror's real linux-amd64 archives come from when their cache is empty.
 * <ul>
 * <li>{@code debian}: src/test/scripts/make-go-mirror.sh builds them from Debian's golang packages (what the
 * benchmarks and docs quote). It needs apt-get, Debian's archive key and an amd64 Linux (apt fetches the packages
 * of the machine's own architecture, and the script runs the go it built).</li>
 * <li>{@code go.dev}: Go's official archives, each checked against go.dev's SHA-256 (OfficialGoArchives): macOS,
 * Windows and Linux arm64 runners. They are the same versions and the same layout, but not the same bytes as
 * Debian's builds (the official ones carry LICENSE, README.md and, for 1.19, a precompiled std).</li>
 * </ul>
 * The default is {@code debian} where it can work, else {@code go.dev}; {@code -Dgosetup.go.source=} forces one.
 * A complete cache is used as it is, whichever source made it (GoMirror, MultiGoMirror check only that).
 */
final class GoArchives {
    private GoArchives() {}

    static void ensure(Path dir, List<String> versions, boolean listed) throws IOException, InterruptedException {
        String source = System.getProperty("gosetup.go.source", debianWorks() ? "debian" : "go.dev");
        switch (source) {
            case "debian" -> runScript(dir, versions, listed);
            case "go.dev" -> goDev().fetch(dir, versions, "linux", "amd64");
            default -> throw new IllegalArgumentException("gosetup.go.source must be debian or go.dev, not " + source);
        }
    }

    /** go.dev, or a stand-in given as -Dgosetup.go.dev.list=URL -Dgosetup.go.dev.files=URL (a loopback copy). */
    private static OfficialGoArchives goDev() {
        return new OfficialGoArchives(
                URI.create(System.getProperty("gosetup.go.dev.list", OfficialGoArchives.GO_DEV_LIST.toString())),
                URI.create(System.getProperty("gosetup.go.dev.files", OfficialGoArchives.GO_DEV_FILES.toString())));
    }

    static boolean debianWorks() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return System.getProperty("os.name").equals("Linux") && (arch.equals("amd64") || arch.equals("x86_64"))
                && Files.isExecutable(Path.of("/usr/bin/apt-get"))
                && Files.isRegularFile(Path.of("/usr/share/keyrings/debian-archive-keyring.gpg"));
    }

    /** {@code listed}: with --versions (MultiGoMirror); without it the script makes 1.19.8 exactly as it always has. */
    private static void runScript(Path dir, List<String> versions, boolean listed) throws IOException, InterruptedException {
        Path script = Fixtures.projectDir().resolve("src").resolve("test").resolve("scripts").resolve("make-go-mirror.sh");
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        if (listed) {
            command.addAll(List.of("--versions", String.join(",", versions)));
        }
        command.add(dir.toString());
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("make-go-mirror.sh failed (it needs apt-get download of Debian's golang packages;"
                    + " -Dgosetup.go.source=go.dev fetches the official archives instead)");
        }
    }
}
