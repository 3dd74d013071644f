package dev.gosetup.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.fetch.CancelToken;
import dev.gosetup.fetch.ChecksumMismatchException;
import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.fetch.HttpDownloader;
import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.release.GoFile;
import dev.gosetup.release.GoVersion;
import dev.gosetup.testing.GoMirror;
import dev.gosetup.testing.HasProblem;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.RunsLinuxAmd64Go;
import dev.gosetup.testing.TarGzBuilder;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Installs through a real loopback HTTP server into a real folder; hostile archives leave nothing behind. */
@Timeout(120)
class InstallerTest {
    @TempDir
    Path tmp;
    LoopbackServer server;
    SdkRoot sdk;
    Installer installer;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
        sdk = new SdkRoot(tmp.resolve("sdk"));
        FetchPolicy policy = FetchPolicy.defaults().allowingPlainHttp("127.0.0.1").withBackoff(Duration.ofMillis(20), Duration.ofMillis(100));
        installer = new Installer(sdk, new HttpDownloader(HttpClient.newHttpClient(), policy), ArchiveLimits.defaults());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    InstallPlan served(String version, byte[] archive, String sha) {
        String file = version + ".linux-amd64.tar.gz";
        server.serve("/" + file, archive);
        GoFile f = new GoFile(file, "linux", "amd64", version, sha, archive.length, "archive");
        return new InstallPlan(GoVersion.parse(version).orElseThrow(), f, server.uri("/" + file), null);
    }

    /** What is left in the root besides the lock and the (empty) downloads folder. */
    Stream<String> leftovers() throws IOException {
        if (!Files.exists(sdk.path())) {
            return Stream.empty();
        }
        try (Stream<Path> s = Files.walk(sdk.path())) {
            return s.map(p -> sdk.path().relativize(p).toString())
                    .filter(n -> !n.isEmpty() && !n.equals(".gosetup.lock") && !n.equals(".downloads")).toList().stream();
        }
    }

    @Test
    @RunsLinuxAmd64Go
    void installsTheRealGoArchiveAndItRuns() throws Exception {
        Path mirror = GoMirror.dir();
        server.serveFile("/" + GoMirror.FILE, mirror.resolve(GoMirror.FILE));
        long size = Files.size(mirror.resolve(GoMirror.FILE));
        GoFile file = new GoFile(GoMirror.FILE, "linux", "amd64", "go1.19.8", GoMirror.sha256(), size, "archive");
        InstallPlan plan = new InstallPlan(GoVersion.parse("go1.19.8").orElseThrow(), file, server.uri("/" + GoMirror.FILE), null);

        InstallResult r = installer.install(plan, ProgressListener.NONE, new CancelToken());

        Path dir = sdk.path().resolve("go1.19.8");
        assertThat(r.dir()).isEqualTo(dir);
        assertThat(dir.resolve(SdkRoot.MARKER)).exists().isEmptyFile();
        assertThat(Files.readString(dir.resolve("VERSION"))).startsWith("go1.19.8");
        assertThat(Files.getPosixFilePermissions(dir.resolve("bin/go"))).contains(PosixFilePermission.OWNER_EXECUTE);
        assertThat(r.binaryPlatform()).isEqualTo("linux-amd64");
        assertThat(r.goVersion()).isEqualTo("go version go1.19.8 linux/amd64");
        assertThat(r.goEnv()).containsExactly("linux", "amd64", dir.toString());
        assertThat(r.sha256()).isEqualTo(GoMirror.sha256());
        // the version, and its go1.X.Y command (ROOT/bin/go1.19.8, for Go's toolchain switching)
        assertThat(leftovers()).allMatch(n -> n.startsWith("go1.19.8") || n.equals("bin") || n.equals("bin/go1.19.8"));
        assertThat(Files.readSymbolicLink(sdk.path().resolve("bin/go1.19.8"))).isEqualTo(Path.of("../go1.19.8/bin/go"));
        try (Stream<Path> d = Files.list(sdk.downloads())) {
            assertThat(d).as("the download is not kept after a good install").isEmpty();
        }

        sdk.activate(GoVersion.parse("go1.19.8").orElseThrow());
        assertThat(Files.readSymbolicLink(sdk.path().resolve("go"))).isEqualTo(Path.of("go1.19.8"));
        assertThat(installer.install(plan, ProgressListener.NONE, new CancelToken()).alreadyInstalled()).isTrue();
    }

    @Test
    void anOverlongBodyWhileTheUnpackerIsBusyReturnsPromptlyKeepsNothingAndTheNextInstallWorksAtOnce() throws Exception {
        Path mirror = GoMirror.dir();
        byte[] real = Files.readAllBytes(mirror.resolve(GoMirror.FILE));
        GoVersion v = GoVersion.parse("go1.19.8").orElseThrow();
        InstallPlan plan = new InstallPlan(v, new GoFile(GoMirror.FILE, "linux", "amd64", "go1.19.8", GoMirror.sha256(),
                real.length, "archive"), server.uri("/" + GoMirror.FILE), null);
        // The list says 24 MiB; the server sends all 64 MB with no length announced, so only counting finds the
        // lie. The unpacker (12,000 files) is far behind the loopback download: the pipe between them is full.
        InstallPlan lied = new InstallPlan(v, new GoFile(GoMirror.FILE, "linux", "amd64", "go1.19.8", GoMirror.sha256(),
                24 << 20, "archive"), server.uri("/" + GoMirror.FILE), null);
        server.serve("/" + GoMirror.FILE, real);
        server.then((ex, content, start) -> {
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write(content);
            return true;
        });
        java.util.concurrent.atomic.AtomicLong lastProgress = new java.util.concurrent.atomic.AtomicLong();
        ProgressListener progress = new ProgressListener() {
            @Override
            public void bytes(long done, long total, double rate) {
                lastProgress.set(System.nanoTime());
            }
        };
        assertThatThrownBy(() -> installer.install(lied, progress, new CancelToken()))
                .isInstanceOf(ChecksumMismatchException.class).satisfies(HasProblem.key("checksum.tooLong"));
        long afterLastBytesMillis = (System.nanoTime() - lastProgress.get()) / 1_000_000;
        // Before: the failure never reached the unpacker waiting on the full pipe, and the install waited 10 minutes.
        assertThat(afterLastBytesMillis).as("returned promptly after the extra bytes").isLessThan(8_000);
        try (Stream<Path> d = Files.list(sdk.downloads())) {
            assertThat(d).as("nothing was kept: true").isEmpty();
        }
        assertThat(leftovers()).isEmpty();
        System.out.printf("overlong body: the install returned %d ms after its last bytes%n", afterLastBytesMillis);

        int before = server.requests();
        InstallResult r = installer.install(plan, ProgressListener.NONE, new CancelToken());
        assertThat(r.sha256()).isEqualTo(GoMirror.sha256());
        assertThat(server.requests() - before).as("the next install works at the first try").isEqualTo(1);
        assertThat(server.rangeHeaders.getLast()).as("from the start, not from the liar's bytes").isEqualTo("-");
    }

    @Test
    void aLinkInPlaceOfTheDownloadFolderIsRefusedAndNothingIsWrittenThroughIt() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createDirectories(sdk.path());
        Files.createSymbolicLink(sdk.downloads(), elsewhere);
        byte[] archive = TarGzBuilder.tinyGo("go1.22.5");
        assertThatThrownBy(() -> installer.install(served("go1.22.5", archive, sha(archive)), ProgressListener.NONE, new CancelToken()))
                .isInstanceOf(IOException.class).satisfies(HasProblem.key("install.downloadsNotFolder", sdk.downloads()));
        try (Stream<Path> s = Files.list(elsewhere)) {
            assertThat(s).isEmpty();
        }
        assertThat(server.requests()).isZero();
    }

    @Test
    void aLocalArchiveTakesTheSamePath() throws Exception {
        byte[] archive = TarGzBuilder.tinyGo("go1.22.5");
        Path local = Files.write(tmp.resolve("go1.22.5.linux-amd64.tar.gz"), archive);
        GoFile f = new GoFile(local.getFileName().toString(), "linux", "amd64", "go1.22.5", sha(archive), archive.length, "archive");
        InstallResult r = installer.install(new InstallPlan(GoVersion.parse("go1.22.5").orElseThrow(), f, local.toUri(), local),
                ProgressListener.NONE, new CancelToken());
        assertThat(r.dir().resolve("src/fmt/print.go")).exists(); // parents created without directory entries
        if (dev.gosetup.testing.HostOs.posixModes()) { // the archive's modes are kept where files have modes; not on Windows
            assertThat(Files.getPosixFilePermissions(r.dir().resolve("src/fmt/print.go"))).doesNotContain(PosixFilePermission.OWNER_EXECUTE);
            assertThat(Files.getPosixFilePermissions(r.dir().resolve("bin/go"))).contains(PosixFilePermission.OWNER_EXECUTE);
        }
    }

    @Test
    void wrongDigestLeavesNothingAndNamesBothDigests() throws Exception {
        byte[] archive = TarGzBuilder.tinyGo("go1.22.5");
        String wrong = "0".repeat(64);
        assertThatThrownBy(() -> installer.install(served("go1.22.5", archive, wrong), ProgressListener.NONE, new CancelToken()))
                .isInstanceOf(ChecksumMismatchException.class)
                .satisfies(HasProblem.key("checksum.mismatch", "go1.22.5.linux-amd64.tar.gz", sha(archive), wrong));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void wrongBytesFromTheServerLeaveNothing() throws Exception {
        byte[] archive = TarGzBuilder.tinyGo("go1.22.5");
        InstallPlan plan = served("go1.22.5", archive, sha(archive));
        server.then(LoopbackServer.wrongBytes());
        // Whichever sees it first says it: the digest at the end (3), or the unpacker, which stops the download at
        // once when the bytes stop being a valid archive (4; since issue 12 a refused archive is not read to its end).
        assertThatThrownBy(() -> installer.install(plan, ProgressListener.NONE, new CancelToken()))
                .isInstanceOfAny(ChecksumMismatchException.class, UnsafeArchiveException.class);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aDroppedConnectionStillInstalls() throws Exception {
        byte[] archive = new TarGzBuilder().file("go/VERSION", "go1.22.5\n", 0644)
                .zeros("go/pkg/big.bin", 3_000_000).file("go/bin/go", "x", 0755).build();
        InstallPlan plan = served("go1.22.5", archive, sha(archive));
        server.then(LoopbackServer.dropAfter(archive.length / 2));
        InstallResult r = installer.install(plan, ProgressListener.NONE, new CancelToken());
        assertThat(Files.size(r.dir().resolve("pkg/big.bin"))).isEqualTo(3_000_000);
    }

    @Test
    void hostileArchivesAreRefusedAndLeaveNothing() throws Exception {
        /** @param why the key of the problem it is refused with */
        record Hostile(String why, byte[] archive) {}
        Hostile[] cases = {
            new Hostile("archive.entry.link", new TarGzBuilder().file("go/VERSION", "x", 0644).link("go/bin/go", "/bin/sh", TarConstants.LF_SYMLINK).build()),
            new Hostile("archive.entry.link", new TarGzBuilder().link("go/evil", "go/VERSION", TarConstants.LF_LINK).build()),
            new Hostile("archive.entry.dotSegment", new TarGzBuilder().file("go/../../evil", "x", 0644).build()),
            new Hostile("archive.entry.absolute", new TarGzBuilder().file("/etc/evil", "x", 0644).build()),
            new Hostile("archive.entry.absolute", new TarGzBuilder().file("go\\..\\evil", "x", 0644).build()),
            new Hostile("archive.entry.absolute", new TarGzBuilder().file("C:/evil", "x", 0644).build()),
            new Hostile("archive.entry.outsideGo", new TarGzBuilder().file("notgo/VERSION", "x", 0644).build()),
            new Hostile("archive.entry.twice", new TarGzBuilder().file("go/VERSION", "a", 0644).file("go/VERSION", "b", 0644).build()),
            new Hostile("archive.entry.device", new TarGzBuilder().special("go/dev", TarConstants.LF_CHR).build()),
            new Hostile("archive.entry.device", new TarGzBuilder().special("go/fifo", TarConstants.LF_FIFO).build()),
            new Hostile("archive.entry.control", new TarGzBuilder().file("go/a\u0001b", "x", 0644).build()),
            new Hostile("archive.bomb", new TarGzBuilder().zeros("go/bomb", 80L << 20).build()),
        };
        for (Hostile h : cases) {
            assertThatThrownBy(() -> installer.install(served("go1.22.5", h.archive(), sha(h.archive())), ProgressListener.NONE, new CancelToken()))
                    .as(h.why()).isInstanceOf(UnsafeArchiveException.class).satisfies(HasProblem.key(h.why()));
            assertThat(leftovers()).as(h.why()).isEmpty();
            assertThat(tmp.resolve("evil")).doesNotExist();
        }
    }

    @Test
    void anArchiveRefusedMidDownloadEndsTheDownloadWithoutAnotherRequest() throws Exception {
        // About 24 MB that do not compress: far more than the pipe to the unpacker holds (64 chunks).
        TarGzBuilder builder = new TarGzBuilder().file("go/../evil", "x", 0644);
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 6; i++) {
            byte[] noise = new byte[4_000_000];
            random.nextBytes(noise);
            builder.file("go/noise" + i, HexFormat.of().formatHex(noise), 0644);
        }
        byte[] archive = builder.build();
        java.util.concurrent.atomic.AtomicLong downloaded = new java.util.concurrent.atomic.AtomicLong();
        ProgressListener progress = new ProgressListener() {
            @Override
            public void bytes(long done, long total, double rate) {
                downloaded.set(done);
            }
        };
        assertThatThrownBy(() -> installer.install(served("go1.22.5", archive, sha(archive)), progress, new CancelToken()))
                .isInstanceOf(UnsafeArchiveException.class).satisfies(HasProblem.key("archive.entry.dotSegment", "'go/../evil'"));
        // Before: the refused archive was downloaded to its end (the unpacker drained it before saying so).
        assertThat(downloaded.get()).as("stopped early").isLessThan(archive.length / 2);
        assertThat(server.requests()).as("the refusal is no network failure to retry").isEqualTo(1);
        assertThat(leftovers()).isEmpty();
        System.out.printf("refused archive: %d of %d bytes downloaded%n", downloaded.get(), archive.length);
    }

    @Test
    void truncatedArchiveIsCorrupt() throws Exception {
        byte[] archive = TarGzBuilder.tinyGo("go1.22.5");
        byte[] truncated = java.util.Arrays.copyOf(archive, archive.length / 2);
        assertThatThrownBy(() -> installer.install(served("go1.22.5", truncated, sha(truncated)), ProgressListener.NONE, new CancelToken()))
                .isInstanceOf(UnsafeArchiveException.class).satisfies(HasProblem.key("archive.truncated"));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void noChecksumNoInstall() {
        GoFile f = new GoFile("go1.5.2.linux-amd64.tar.gz", "linux", "amd64", "go1.5.2", "", 0, "archive");
        assertThatThrownBy(() -> installer.install(new InstallPlan(GoVersion.parse("go1.5.2").orElseThrow(), f,
                server.uri("/x"), null), ProgressListener.NONE, new CancelToken()))
                .isInstanceOf(ChecksumMismatchException.class).satisfies(HasProblem.key("checksum.noDigest", "go1.5.2.linux-amd64.tar.gz"));
    }

    @Test
    void aSecondInstallAtTheSameTimeIsRefusedNamingTheHolder() throws Exception {
        try (SdkRoot.Lock held = sdk.lock("install go1.21.0")) {
            byte[] archive = TarGzBuilder.tinyGo("go1.22.5");
            assertThatThrownBy(() -> installer.install(served("go1.22.5", archive, sha(archive)), ProgressListener.NONE, new CancelToken()))
                    .isInstanceOf(SdkRoot.InstallBusyException.class)
                    .hasMessageContaining("Another gosetup (pid " + ProcessHandle.current().pid() + ", since ")
                    .hasMessageContaining("install go1.21.0").hasMessageContaining("is installing into " + sdk.path());
            assertThat(server.requests()).isZero();
        }
        assertThat(Files.size(sdk.path().resolve(".gosetup.lock"))).as("the note goes with the lock").isZero();
    }

    @Test
    void stagingLeftByACrashIsCleanedAtTheNextInstall() throws Exception {
        Path dead = sdk.newStaging(GoVersion.parse("go1.21.0").orElseThrow());
        Files.createDirectories(dead.resolve("bin"));
        Files.writeString(dead.resolve("bin/go"), "half");
        byte[] archive = TarGzBuilder.tinyGo("go1.22.5");
        installer.install(served("go1.22.5", archive, sha(archive)), ProgressListener.NONE, new CancelToken());
        assertThat(dead).doesNotExist();
        assertThat(sdk.installed()).extracting(GoVersion::name).containsExactly("go1.22.5");
    }

    /** A hand-copied Go with the user's notes, where gosetup would install the same version. */
    @Test
    void aFolderGosetupDidNotMakeIsNeverDeletedOrReplacedAndNothingIsDownloaded() throws Exception {
        Path mine = Files.createDirectories(sdk.path().resolve("go1.22.5/bin"));
        Files.writeString(mine.resolve("go"), "my own build");
        Path notes = Files.writeString(sdk.path().resolve("go1.22.5/NOTES.txt"), "copied from the build server");
        byte[] archive = TarGzBuilder.tinyGo("go1.22.5");
        assertThatThrownBy(() -> installer.install(served("go1.22.5", archive, sha(archive)), ProgressListener.NONE, new CancelToken()))
                .isInstanceOf(SdkRefusal.class)
                .hasMessageContaining(sdk.path().resolve("go1.22.5").toString()).hasMessageContaining("did not install");
        assertThat(server.requests()).as("decided before downloading").isZero();
        assertThat(Files.readString(notes)).isEqualTo("copied from the build server");
        assertThat(Files.readString(mine.resolve("go"))).isEqualTo("my own build");

        assertThatThrownBy(() -> sdk.remove(GoVersion.parse("go1.22.5").orElseThrow())).isInstanceOf(SdkRefusal.class)
                .hasMessageContaining("did not install");
        assertThat(notes).exists();
    }

    @Test
    void aRealGoFolderWhereTheLinkBelongsStopsTheInstallBeforeDownloading() throws Exception {
        Path go = Files.createDirectories(sdk.path().resolve("go/bin"));
        Files.writeString(go.resolve("go"), "a Go someone unpacked by hand");
        byte[] archive = TarGzBuilder.tinyGo("go1.22.5");
        assertThatThrownBy(() -> installer.install(served("go1.22.5", archive, sha(archive)), ProgressListener.NONE, new CancelToken()))
                .isInstanceOf(SdkRefusal.class).hasMessageContaining("real folder").hasMessageContaining("mv " + sdk.path().resolve("go"));
        assertThat(server.requests()).isZero();
        assertThat(sdk.path().resolve("go1.22.5")).doesNotExist();
        assertThat(go.resolve("go")).hasContent("a Go someone unpacked by hand");
    }

    @Test
    void useSwitchesAndRemoveNeverTakesTheActiveVersion() throws Exception {
        for (String v : new String[] {"go1.22.5", "go1.23.1"}) {
            byte[] archive = TarGzBuilder.tinyGo(v);
            installer.install(served(v, archive, sha(archive)), ProgressListener.NONE, new CancelToken());
        }
        GoVersion a = GoVersion.parse("go1.22.5").orElseThrow();
        GoVersion b = GoVersion.parse("go1.23.1").orElseThrow();
        sdk.activate(a);
        assertThat(sdk.active()).contains(a);
        assertThatThrownBy(() -> sdk.remove(a)).hasMessageContaining("active version");
        sdk.activate(b);
        sdk.remove(a);
        assertThat(sdk.installed()).containsExactly(b);
        assertThat(leftovers()).noneMatch(n -> n.startsWith(".trash"));
    }

    @Test
    void binaryHeadersOfRealPrograms() throws Exception {
        assertThat(BinaryPlatform.of(Path.of(System.getProperty("java.home"), "bin", "java"))).containsExactly("linux-amd64");
    }
}
