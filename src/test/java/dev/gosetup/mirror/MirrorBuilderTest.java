package dev.gosetup.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.fetch.CancelToken;
import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.fetch.HttpClients;
import dev.gosetup.fetch.HttpDownloader;
import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.release.Platform;
import dev.gosetup.release.ReleaseList;
import dev.gosetup.settings.VersionRules;
import dev.gosetup.signature.ArchiveSignatures;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.MultiGoMirror;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The build engine over loopback HTTP with a real Go archive: interrupted downloads, the lock, the selection rules. */
@Timeout(300)
class MirrorBuilderTest {
    private static final String V21 = "go1.21.13.linux-amd64.tar.gz";

    @TempDir
    Path tmp;
    LoopbackServer server;
    HttpClient client;
    MirrorLayout layout;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer().serveFile("/" + V21, MultiGoMirror.dir().resolve(V21));
        FetchPolicy policy = FetchPolicy.defaults().allowingPlainHttp("127.0.0.1");
        client = HttpClients.create(policy);
        layout = new MirrorLayout(tmp.resolve("mirror"));
    }

    @AfterEach
    void stop() {
        server.close();
        client.shutdownNow();
    }

    private ReleaseList upstreamList() throws Exception {
        try (InputStream in = Files.newInputStream(MultiGoMirror.dir().resolve("dl.json"))) {
            return ReleaseList.parse(in, "dl.json");
        }
    }

    private MirrorBuilder open() throws Exception {
        return MirrorBuilder.open(layout, new HttpDownloader(client, FetchPolicy.defaults().allowingPlainHttp("127.0.0.1")),
                ArchiveSignatures.off(), server.uri("/").toString());
    }

    private MirrorSelection selection(String... versions) throws Exception {
        return MirrorSelection.of(upstreamList(), List.of(versions), List.of(new Platform("linux", "amd64")), VersionRules.NONE);
    }

    @Test
    void anInterruptedDownloadLeavesNoFileUnderTheArchivesNameAndTheNextBuildResumesIt() throws Exception {
        CancelToken cancel = new CancelToken();
        MirrorBuilder.Listener stopMidway = new MirrorBuilder.Listener() {
            @Override
            public ProgressListener started(MirrorEntry entry) {
                return new ProgressListener() {
                    @Override
                    public void bytes(long done, long total, double rate) {
                        if (done > 8 << 20) {
                            cancel.cancel(); // what Ctrl+C's shutdown hook does
                        }
                    }
                };
            }
        };
        try (MirrorBuilder b = open()) {
            MirrorPlan plan = b.plan(selection("1.21.13"), cancel);
            assertThatThrownBy(() -> b.build(plan, 2, false, Messages.of(Language.ENGLISH), stopMidway, cancel))
                    .isInstanceOf(CancelToken.CancelledException.class);
        }
        assertThat(layout.dir().resolve(V21)).doesNotExist();
        assertThat(layout.dir().resolve(V21 + ".sha256")).doesNotExist();
        assertThat(layout.list()).as("the list is written last, and not for a cancelled build").doesNotExist();
        Path partial = layout.dir().resolve(".gosetup-partial").resolve(V21 + ".partial");
        long kept = Files.size(partial);
        assertThat(kept).isGreaterThan(8L << 20).isLessThan(Files.size(MultiGoMirror.dir().resolve(V21)));

        try (MirrorBuilder b = open()) {
            MirrorBuilder.Result r = b.build(b.plan(selection("1.21.13"), new CancelToken()), 2, false,
                    Messages.of(Language.ENGLISH), MirrorBuilder.Listener.NONE, new CancelToken());
            assertThat(r.failures()).isEmpty();
            assertThat(r.listed()).extracting(e -> e.name().name()).containsExactly(V21);
        }
        assertThat(server.rangeHeaders).as("resumed where it stopped").anyMatch(h -> h.startsWith("bytes=") && !h.equals("bytes=0-"));
        assertThat(Files.mismatch(layout.dir().resolve(V21), MultiGoMirror.dir().resolve(V21))).isEqualTo(-1L);
        assertThat(partial).doesNotExist();
    }

    @Test
    void twoBuildsOfOneFolderNeverInterleave() throws Exception {
        try (MirrorBuilder first = open()) {
            assertThatThrownBy(this::open).isInstanceOf(MirrorException.Busy.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        try (MirrorBuilder again = open()) {
            assertThat(again).isNotNull(); // released with the first
        }
    }

    @Test
    void versionsAreChosenAsInstallChoosesThemAndThePolicyLimitsThem() throws Exception {
        ReleaseList list = upstreamList();
        List<Platform> linux = List.of(new Platform("linux", "amd64"));
        assertThat(MirrorSelection.of(list, List.of("1.22.x", "latest", "go1.21.13"), linux, VersionRules.NONE).entries())
                .extracting(e -> e.version().name()).containsExactly("go1.23.5", "go1.22.12", "go1.21.13");
        assertThat(MirrorSelection.of(list, List.of(), linux, VersionRules.NONE).entries())
                .as("the two supported lines' newest patches").extracting(e -> e.version().name()).containsExactly("go1.23.5", "go1.22.12");
        VersionRules policy = new VersionRules(null, false, List.of("1.21", "1.19.8"));
        assertThat(MirrorSelection.of(list, List.of(), linux, policy).entries())
                .extracting(e -> e.version().name()).containsExactly("go1.21.13", "go1.19.8");
        assertThatThrownBy(() -> MirrorSelection.of(list, List.of("1.23"), linux, policy))
                .hasMessageContaining("not allowed").hasMessageContaining("go1.23.5");
        MirrorSelection darwin = MirrorSelection.of(list, List.of("1.22"), MirrorSelection.FLEET, VersionRules.NONE);
        assertThat(darwin.entries()).hasSize(1);
        assertThat(darwin.skipped()).extracting(MirrorSelection.Skipped::platform)
                .containsExactly("darwin-arm64", "darwin-amd64", "windows-amd64", "linux-arm64");
        assertThat(MirrorSelection.platform("darwin/arm64")).isEqualTo(new Platform("darwin", "arm64"));
    }
}
