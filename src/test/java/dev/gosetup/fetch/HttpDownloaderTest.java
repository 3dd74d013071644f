package dev.gosetup.fetch;

import static dev.gosetup.testing.LoopbackServer.dropAfter;
import static dev.gosetup.testing.LoopbackServer.redirect;
import static dev.gosetup.testing.LoopbackServer.stallAfter;
import static dev.gosetup.testing.LoopbackServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.testing.HasProblem;
import dev.gosetup.testing.LoopbackServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Downloads against a real HTTP server on loopback, with real faults. Every test is bounded. */
@Timeout(30)
class HttpDownloaderTest {
    static final byte[] CONTENT = new byte[700_000];

    static {
        new Random(42).nextBytes(CONTENT);
    }

    @TempDir
    Path tmp;
    LoopbackServer server;
    HttpDownloader downloader;
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    List<dev.gosetup.i18n.Problem> retries = new ArrayList<>();
    ProgressListener listener = new ProgressListener() {
        @Override
        public void retrying(int attempt, Duration wait, dev.gosetup.i18n.Problem reason) {
            retries.add(reason);
        }
    };

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer().serve("/go.tar.gz", CONTENT);
        FetchPolicy policy = FetchPolicy.defaults().allowingPlainHttp("127.0.0.1")
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200)).withStallTimeout(Duration.ofMillis(700));
        downloader = new HttpDownloader(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), policy);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    FetchResult fetch() throws Exception {
        return downloader.fetch(server.uri("/go.tar.gz"), tmp.resolve("go.tar.gz.partial"), CONTENT.length,
                (b, off, len) -> received.write(b, off, len), listener, new CancelToken());
    }

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void downloadsHashesAndPassesEveryByteOnce() throws Exception {
        FetchResult r = fetch();
        assertThat(r).isEqualTo(new FetchResult(CONTENT.length, sha(CONTENT)));
        assertThat(received.toByteArray()).isEqualTo(CONTENT);
        assertThat(Files.readAllBytes(tmp.resolve("go.tar.gz.partial"))).isEqualTo(CONTENT);
    }

    @Test
    void dropMidBodyResumesWithRange() throws Exception {
        server.then(dropAfter(200_000));
        FetchResult r = fetch();
        assertThat(r.sha256()).isEqualTo(sha(CONTENT));
        assertThat(received.toByteArray()).isEqualTo(CONTENT);
        // The server sent 200,000 bytes and dropped the connection; how many of them reach the client before
        // the reset is up to TCP (a reset may discard unread data). The resume asks for exactly what was kept.
        assertThat(server.rangeHeaders).hasSize(2).first().isEqualTo("-");
        long resumedAt = Long.parseLong(server.rangeHeaders.get(1).replaceAll("bytes=(\\d+)-", "$1"));
        assertThat(resumedAt).isPositive().isLessThanOrEqualTo(200_000);
        assertThat(retries).hasSize(1);
    }

    @Test
    void resumesAPartialFileLeftByAnEarlierRun() throws Exception {
        Files.write(tmp.resolve("go.tar.gz.partial"), java.util.Arrays.copyOf(CONTENT, 300_000));
        FetchResult r = fetch();
        assertThat(r.sha256()).isEqualTo(sha(CONTENT));
        assertThat(received.toByteArray()).isEqualTo(CONTENT); // the old bytes reach the unpacker too
        assertThat(server.rangeHeaders).containsExactly("bytes=300000-");
    }

    @Test
    void serviceUnavailableWithRetryAfterIsRetried() throws Exception {
        server.then(status(503, "1"), status(500, null));
        long t0 = System.nanoTime();
        assertThat(fetch().sha256()).isEqualTo(sha(CONTENT));
        assertThat(server.requests()).isEqualTo(3);
        assertThat(retries).hasSize(2).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo("download.reason.httpStatus");
            assertThat((int) r.args().get(0)).isBetween(500, 599);
        });
        // Retry-After: 1 is capped by the policy's max backoff (200 ms here), never ignored entirely.
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThan(Duration.ofMillis(200));
    }

    @Test
    void notFoundIsNotRetried() {
        assertThatThrownBy(() -> downloader.fetch(server.uri("/missing.tar.gz"), tmp.resolve("m.partial"), 10, ByteSink.NONE,
                listener, new CancelToken()))
                .isInstanceOf(DownloadException.class).satisfies(HasProblem.key("download.notFound", 404));
        assertThat(server.requests()).isEqualTo(1);
    }

    @Test
    void redirectToPlainHttpElsewhereIsRefused() {
        server.then(redirect("http://localhost:1/go.tar.gz"));
        assertThatThrownBy(this::fetch).isInstanceOf(DownloadException.class)
                .satisfies(HasProblem.key("download.redirectRefused", URI.create("http://localhost:1/go.tar.gz")));
    }

    @Test
    void redirectLoopStops() {
        for (int i = 0; i < 10; i++) {
            server.then(redirect("/go.tar.gz"));
        }
        assertThatThrownBy(this::fetch).isInstanceOf(DownloadException.class).satisfies(HasProblem.key("download.tooManyRedirects"));
    }

    @Test
    void stalledBodyIsAbortedAndResumed() throws Exception {
        server.then(stallAfter(100_000, 5_000));
        FetchResult r = fetch();
        assertThat(r.sha256()).isEqualTo(sha(CONTENT));
        assertThat(retries).singleElement().satisfies(why -> assertThat(why.key()).isEqualTo("download.reason.noData"));
        assertThat(server.rangeHeaders).containsExactly("-", "bytes=100000-");
    }

    @Test
    void aBodyAnnouncedLongerThanTheListSaysIsRefusedBeforeItsFirstByteAndNothingIsKept() throws Exception {
        Files.write(tmp.resolve("go.tar.gz.partial"), java.util.Arrays.copyOf(CONTENT, 300_000));
        Files.writeString(tmp.resolve("go.tar.gz.partial.validator"), "\"old\"");
        server.then(LoopbackServer.tooLong(10));
        assertThatThrownBy(this::fetch).isInstanceOf(ChecksumMismatchException.class)
                .satisfies(HasProblem.key("checksum.announcedSize", "127.0.0.1", (long) CONTENT.length));
        assertThat(received.size()).as("only the replayed bytes reached the sink").isEqualTo(300_000);
        assertThat(tmp.resolve("go.tar.gz.partial")).doesNotExist();
        assertThat(tmp.resolve("go.tar.gz.partial.validator")).doesNotExist();
    }

    @Test
    void aPartialFileThatIsALinkIsNeitherFollowedNorWrittenThrough() throws Exception {
        Path elsewhere = Files.write(tmp.resolve("someone-elses-file"), "precious".getBytes());
        Files.createSymbolicLink(tmp.resolve("go.tar.gz.partial"), elsewhere);
        Files.createSymbolicLink(tmp.resolve("go.tar.gz.partial.validator"), elsewhere);
        FetchResult r = fetch();
        assertThat(r.sha256()).isEqualTo(sha(CONTENT));
        assertThat(received.toByteArray()).isEqualTo(CONTENT);
        assertThat(Files.readString(elsewhere)).isEqualTo("precious");
        assertThat(server.rangeHeaders).containsExactly("-");
        assertThat(tmp.resolve("go.tar.gz.partial")).isRegularFile();
    }

    @Test
    void persistentFailureStopsWithAClearMessageAndKeepsTheBytes() {
        for (int i = 0; i < 20; i++) {
            server.then(status(500, null));
        }
        assertThatThrownBy(this::fetch).isInstanceOf(DownloadException.class)
                .satisfies(HasProblem.key("download.failedRepeatedly", 5, dev.gosetup.i18n.Problem.of("download.reason.httpStatus",
                        500, "127.0.0.1")));
        assertThat(server.requests()).isEqualTo(5);
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        HttpDownloader strict = new HttpDownloader(HttpClient.newHttpClient(), FetchPolicy.defaults());
        assertThatThrownBy(() -> strict.fetch(URI.create("http://example.com/x"), tmp.resolve("x"), 1, ByteSink.NONE,
                ProgressListener.NONE, new CancelToken())).isInstanceOf(DownloadException.class)
                .satisfies(HasProblem.key("download.httpsOnly", URI.create("http://example.com/x"), "example.com"));
    }

    @Test
    void cancelStopsTheDownload() {
        CancelToken cancel = new CancelToken();
        assertThatThrownBy(() -> downloader.fetch(server.uri("/go.tar.gz"), tmp.resolve("c.partial"), CONTENT.length,
                (b, off, len) -> cancel.cancel(), listener, cancel)).isInstanceOf(CancelToken.CancelledException.class);
    }
}
