package dev.gosetup.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.fetch.ByteSink;
import dev.gosetup.fetch.CancelToken;
import dev.gosetup.fetch.DownloadException;
import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.fetch.FetchResult;
import dev.gosetup.fetch.HttpDownloader;
import dev.gosetup.fetch.ProgressListener;
import dev.gosetup.testing.HasProblem;
import dev.gosetup.testing.ScriptedServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Servers no well-behaved HTTP server can imitate, on raw loopback sockets: lying lengths, a slow drip, a
 * proxy that wants a password. Every case ends by itself (bounded retries), with a clear error or the
 * right bytes. The other faults (drop and resume, wrong bytes, 404, 5xx with Retry-After, redirects to
 * http and in loops, stalls, TLS) are in HttpDownloaderTest, InstallerTest and TlsTest.
 */
@Timeout(60)
class NetworkFaultsTest {
    static final byte[] BODY = new byte[200];

    static {
        for (int i = 0; i < BODY.length; i++) {
            BODY[i] = (byte) (i * 7);
        }
    }

    @TempDir
    Path tmp;

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    HttpDownloader downloader(HttpClient client) {
        FetchPolicy policy = FetchPolicy.defaults().allowingPlainHttp("127.0.0.1")
                .withBackoff(Duration.ofMillis(10), Duration.ofMillis(50)).withStallTimeout(Duration.ofSeconds(2));
        return new HttpDownloader(client, policy);
    }

    HttpDownloader downloader() {
        return downloader(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
    }

    @Test
    void contentLengthSmallerThanTheBodyNeverCompletesAndStopsByItself() throws Exception {
        try (ScriptedServer server = new ScriptedServer((req, out) -> {
            out.write(ScriptedServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n"));
            out.write(BODY); // 100 bytes more than declared
        })) {
            assertThatThrownBy(() -> downloader().fetch(server.uri("/go.tar.gz"), tmp.resolve("a.partial"), BODY.length,
                    ByteSink.NONE, ProgressListener.NONE, new CancelToken()))
                    .isInstanceOf(dev.gosetup.i18n.Reported.class).hasMessageContaining("go.tar.gz");
            assertThat(server.connections()).as("bounded retries").isBetween(1, 10);
        }
    }

    @Test
    void contentLengthLargerThanTheBodyIsRetriedThenGivenUpWithTheBytesKept() throws Exception {
        try (ScriptedServer server = new ScriptedServer((req, out) -> {
            out.write(ScriptedServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 300\r\nConnection: close\r\n\r\n"));
            out.write(BODY); // then the connection closes, 100 bytes short
        })) {
            assertThatThrownBy(() -> downloader().fetch(server.uri("/go.tar.gz"), tmp.resolve("b.partial"), 300,
                    ByteSink.NONE, ProgressListener.NONE, new CancelToken()))
                    .isInstanceOf(DownloadException.class).satisfies(HasProblem.key("download.failedRepeatedly", 200L));
            assertThat(server.connections()).isBetween(2, 10);
        }
    }

    @Test
    void aSlowDripCompletesWithTheRightBytesAndReportsProgress() throws Exception {
        try (ScriptedServer server = new ScriptedServer((req, out) -> {
            out.write(ScriptedServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 200\r\nConnection: close\r\n\r\n"));
            for (int i = 0; i < BODY.length; i += 20) {
                out.write(BODY, i, 20);
                out.flush();
                Thread.sleep(50);
            }
        })) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            AtomicInteger updates = new AtomicInteger();
            FetchResult r = downloader().fetch(server.uri("/go.tar.gz"), tmp.resolve("c.partial"), BODY.length,
                    got::write, new ProgressListener() {
                        @Override
                        public void bytes(long done, long total, double rate) {
                            updates.incrementAndGet();
                        }
                    }, new CancelToken());
            assertThat(r.sha256()).isEqualTo(sha(BODY));
            assertThat(got.toByteArray()).isEqualTo(BODY);
            assertThat(updates.get()).isGreaterThan(1);
        }
    }

    @Test
    void aBodyLongerThanTheListStopsAtTheSizeAndItsBytesAreNotKeptForTheNextRun() throws Exception {
        byte[] lie = new byte[BODY.length + 10_000];
        java.util.Arrays.fill(lie, (byte) 'x');
        Path partial = tmp.resolve("e.partial");
        try (ScriptedServer liar = new ScriptedServer((req, out) -> {
            // No length announced: only counting tells that the body goes on past the file's size.
            out.write(ScriptedServer.ascii("HTTP/1.1 200 OK\r\nETag: \"lie\"\r\nConnection: close\r\n\r\n"));
            out.write(lie);
        })) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            assertThatThrownBy(() -> downloader().fetch(liar.uri("/go.tar.gz"), partial, BODY.length, got::write,
                    ProgressListener.NONE, new CancelToken()))
                    .isInstanceOf(dev.gosetup.fetch.ChecksumMismatchException.class)
                    .satisfies(HasProblem.key("checksum.tooLong", (long) BODY.length));
            assertThat(got.size()).as("not a byte past the size").isLessThanOrEqualTo(BODY.length);
        }
        assertThat(partial).doesNotExist();
        assertThat(tmp.resolve("e.partial.validator")).doesNotExist();
        try (ScriptedServer good = new ScriptedServer((req, out) -> {
            out.write(ScriptedServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 200\r\nConnection: close\r\n\r\n"));
            out.write(BODY);
        })) {
            FetchResult r = downloader().fetch(good.uri("/go.tar.gz"), partial, BODY.length, ByteSink.NONE,
                    ProgressListener.NONE, new CancelToken());
            assertThat(r.sha256()).as("the next run starts clean").isEqualTo(sha(BODY));
            assertThat(good.connections()).as("at the first try").isEqualTo(1);
        }
    }

    /** {@code content}, 10 bytes every 100 ms, for as long as the client listens. */
    static ScriptedServer trickle(byte[] content) throws IOException {
        return new ScriptedServer((req, out) -> {
            out.write(ScriptedServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: " + content.length + "\r\nConnection: close\r\n\r\n"));
            for (int sent = 0; sent < content.length; sent += 10) {
                out.write(content, sent, Math.min(10, content.length - sent));
                out.flush();
                Thread.sleep(100);
            }
        });
    }

    @Test
    void aTricklingServerIsGivenUpAfterOneRetryAsTooSlowAndNothingIsKept() throws Exception {
        Path partial = tmp.resolve("f.partial");
        long t0 = System.nanoTime();
        try (ScriptedServer server = trickle(new byte[1_000_000])) {
            assertThatThrownBy(() -> downloader().fetch(server.uri("/go.tar.gz"), partial, 1_000_000, ByteSink.NONE,
                    ProgressListener.NONE, new CancelToken()))
                    .isInstanceOf(DownloadException.class).satisfies(HasProblem.key("download.tooSlow", 2, Duration.ofSeconds(2)));
            assertThat(server.connections()).as("one retry at most").isEqualTo(2);
        }
        assertThat(partial).doesNotExist();
        System.out.printf("trickle given up after %d ms (stall timeout 2 s)%n", (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void aServerThatStallsAgainAfterARetryIsGivenUpAsTooSlow() throws Exception {
        Path partial = tmp.resolve("g.partial");
        try (ScriptedServer server = new ScriptedServer((req, out) -> {
            out.write(ScriptedServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: 200\r\nConnection: close\r\n\r\n"));
            out.write(BODY, 0, 50);
            out.flush();
            Thread.sleep(60_000);
        })) {
            assertThatThrownBy(() -> downloader().fetch(server.uri("/go.tar.gz"), partial, BODY.length, ByteSink.NONE,
                    ProgressListener.NONE, new CancelToken()))
                    .isInstanceOf(DownloadException.class).satisfies(HasProblem.key("download.tooSlow",
                            dev.gosetup.i18n.Problem.of("download.reason.trickle", 16L, Duration.ofSeconds(2))));
            assertThat(server.connections()).isEqualTo(2);
        }
        assertThat(partial).doesNotExist();
    }

    @Test
    void theStallTimeoutComesFromTheSettingsAndATricklingMirrorEndsWithExit5AndNothingLeft() throws Exception {
        // About 20 KB: at 100 bytes a second, 200 s that no default stall timeout (30 s without a byte) cuts short.
        byte[] noise = new byte[20_000];
        new java.util.Random(7).nextBytes(noise);
        byte[] archive = new dev.gosetup.testing.TarGzBuilder().file("go/VERSION", "go1.22.5\n", 0644)
                .file("go/bin/go", HexFormat.of().formatHex(noise), 0755).build();
        // the settings of the home worked on (--home moves them with it)
        Files.createDirectories(tmp.resolve("h/.config/gosetup"));
        Files.writeString(tmp.resolve("h/.config/gosetup/settings.json"), "{\"language\": \"en\", \"stallTimeoutSeconds\": 1}");
        Path list = Files.writeString(tmp.resolve("dl.json"), """
                [{"version": "go1.22.5", "stable": true, "files": [{"filename": "go1.22.5.linux-amd64.tar.gz", "os": "linux",
                  "arch": "amd64", "version": "go1.22.5", "sha256": "%s", "size": %d, "kind": "archive"}]}]
                """.formatted(sha(archive), archive.length));
        try (ScriptedServer server = trickle(archive)) {
            dev.gosetup.cli.CliRunner.Result r = dev.gosetup.cli.CliRunner.run(tmp, "install", "--catalog", list.toString(),
                    "--mirror", server.uri("/").toString(), "--allow-http", "127.0.0.1", "--home", tmp.resolve("h").toString(),
                    "--platform", "linux-amd64");
            assertThat(r.exitCode()).as(r.err()).isEqualTo(5);
            assertThat(r.err()).contains("too slow").contains("1 s").contains("Nothing was kept");
            // the archive twice (a try and one retry), and once its signature (FILE.asc, given up on the same way)
            assertThat(server.connections()).isEqualTo(3);
        }
        try (var left = Files.walk(tmp.resolve("h/sdk"))) {
            assertThat(left.map(p -> tmp.resolve("h/sdk").relativize(p).toString()))
                    .as("no download, no staging").containsOnly("", ".gosetup.lock", ".downloads");
        }
    }

    @Test
    void aProxyThatWantsAPasswordIsSaidInWords() throws Exception {
        try (ScriptedServer proxy = new ScriptedServer((req, out) -> out.write(ScriptedServer.ascii(
                "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\nContent-Length: 0\r\n\r\n")))) {
            HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()))).build();
            assertThatThrownBy(() -> downloader(client).fetch(URI.create("https://dl.google.com/go/go1.22.5.linux-amd64.tar.gz"),
                    tmp.resolve("d.partial"), 100, ByteSink.NONE, ProgressListener.NONE, new CancelToken()))
                    .isInstanceOf(IOException.class).satisfies(HasProblem.key("download.proxyAuth", "dl.google.com"));
            assertThat(Files.exists(tmp.resolve("d.partial")) ? Files.size(tmp.resolve("d.partial")) : 0L).isZero();
        }
    }
}
