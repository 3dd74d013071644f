package dev.gosetup.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.release.ReleaseCatalog;
import dev.gosetup.testing.LoopbackServer;
import dev.gosetup.testing.ScriptedServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials in a mirror's URL and in a proxy setting work (java.net.http alone ignores the first and
 * has no answer to a proxy's 407), go only where they belong, and are stored nowhere: real loopback
 * servers that demand them and record what they were sent.
 */
@Timeout(60)
class CredentialsTest {
    static final String TOKEN = "tok-5f3e9c1d-SECRET";
    @TempDir
    Path tmp;
    LoopbackServer mirror;
    byte[] content = "go archive bytes".getBytes(StandardCharsets.US_ASCII);
    FetchPolicy policy = FetchPolicy.defaults().allowingPlainHttp("127.0.0.1").withBackoff(java.time.Duration.ofMillis(10),
            java.time.Duration.ofMillis(20));

    @BeforeEach
    void start() throws IOException {
        mirror = new LoopbackServer().requireBasic("ci", TOKEN).serve("/go/go.tar.gz", content)
                .serve("/go/dl.json", Files.readAllBytes(dev.gosetup.testing.Fixtures.root().resolve("godl/golang-dl-stable-2021-11-08.json")));
    }

    @AfterEach
    void stop() {
        mirror.close();
    }

    URI withToken(LoopbackServer server, String path) {
        return URI.create(server.uri(path).toString().replace("http://", "http://ci:" + TOKEN + "@"));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    FetchResult download(URI uri) throws IOException {
        return new HttpDownloader(HttpClients.create(policy), policy).fetch(uri, tmp.resolve("go.tar.gz.partial"), content.length,
                ByteSink.NONE, ProgressListener.NONE, new CancelToken());
    }

    @Test
    void aMirrorsUserAndPasswordAreSentAsBasic() throws Exception {
        assertThat(download(withToken(mirror, "/go/go.tar.gz")).size()).isEqualTo(content.length);
        assertThat(mirror.authorizations).containsExactly(basic("ci", TOKEN));
    }

    @Test
    void aRedirectToAnotherHostGetsNoCredentials() throws Exception {
        try (LoopbackServer cdn = new LoopbackServer().serve("/blob", content)) {
            mirror.then(LoopbackServer.redirect(cdn.uri("/blob").toString()));
            assertThat(download(withToken(mirror, "/go/go.tar.gz")).size()).isEqualTo(content.length);
            assertThat(mirror.authorizations).containsExactly(basic("ci", TOKEN));
            assertThat(cdn.authorizations).containsExactly("-");
        }
    }

    @Test
    void theReleaseListCacheStoresNoCredentialsInAPrivateFolder() throws Exception {
        Path cache = tmp.resolve("cache");
        ReleaseCatalog catalog = new ReleaseCatalog(HttpClients.create(policy), policy, cache);
        assertThat(catalog.load(withToken(mirror, "/go/dl.json").toString()).list().releases()).isNotEmpty();
        assertThat(catalog.load(withToken(mirror, "/go/dl.json").toString()).fromCache()).as("revalidated: 304").isTrue();
        assertThat(mirror.authorizations).containsExactly(basic("ci", TOKEN), basic("ci", TOKEN));
        if (dev.gosetup.testing.HostOs.posixModes()) { // Windows files have ACLs, no mode
            assertThat(Files.getPosixFilePermissions(cache)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        }
        try (Stream<Path> files = Files.list(cache)) {
            List<Path> all = files.toList();
            assertThat(all).hasSize(2);
            for (Path f : all) {
                assertThat(f.getFileName().toString()).doesNotContain(TOKEN);
                assertThat(Files.readString(f)).doesNotContain(TOKEN).doesNotContain("ci:");
            }
        }
    }

    /** A proxy that answers 407 until it gets Proxy-Authorization: Basic u:TOKEN, then serves the file itself. */
    ScriptedServer proxy(List<String> heads) throws IOException {
        String expected = "Proxy-Authorization: " + basic("alex", TOKEN);
        return new ScriptedServer((request, out) -> {
            heads.add(request);
            if (request.contains(expected + "\r\n")) {
                out.write(ScriptedServer.ascii("HTTP/1.1 200 OK\r\nContent-Length: " + content.length + "\r\nConnection: close\r\n\r\n"));
                out.write(content);
            } else {
                out.write(ScriptedServer.ascii("HTTP/1.1 407 Proxy Authentication Required\r\n"
                        + "Proxy-Authenticate: Basic realm=\"corp\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            }
        });
    }

    @Test
    void aProxysPasswordAnswersIts407AndNothingElse() throws Exception {
        List<String> heads = new CopyOnWriteArrayList<>();
        try (ScriptedServer proxy = proxy(heads)) {
            FetchPolicy viaProxy = policy.allowingPlainHttp("mirror.example")
                    .withProxy(URI.create("http://alex:" + TOKEN + "@127.0.0.1:" + proxy.port()), List.of());
            FetchResult r = new HttpDownloader(HttpClients.create(viaProxy), viaProxy).fetch(URI.create("http://mirror.example/go/go.tar.gz"),
                    tmp.resolve("p.partial"), content.length, ByteSink.NONE, ProgressListener.NONE, new CancelToken());
            assertThat(r.size()).isEqualTo(content.length);
            assertThat(heads).hasSize(2);
            assertThat(heads.getFirst()).startsWith("GET http://mirror.example/go/go.tar.gz ").doesNotContain("Authorization");
        }
    }

    @Test
    void aPasswordInHttpProxyIsUsedToo() throws Exception {
        List<String> heads = new CopyOnWriteArrayList<>();
        try (ScriptedServer proxy = proxy(heads)) {
            FetchPolicy plain = policy.allowingPlainHttp("mirror.example");
            var client = HttpClients.create(plain, List.of(), Map.of("HTTP_PROXY", "alex:" + TOKEN + "@127.0.0.1:" + proxy.port()));
            FetchResult r = new HttpDownloader(client, plain).fetch(URI.create("http://mirror.example/go/go.tar.gz"),
                    tmp.resolve("e.partial"), content.length, ByteSink.NONE, ProgressListener.NONE, new CancelToken());
            assertThat(r.size()).isEqualTo(content.length);
            assertThat(heads.getLast()).contains("Proxy-Authorization: " + basic("alex", TOKEN));
        }
    }

    /** The JDK would refuse Basic for the CONNECT of an HTTPS tunnel; gosetup allows it for the proxy it was given. */
    @Test
    void basicIsAllowedForTheTunnelToo() {
        assertThat(HttpClients.TUNNELING_DISABLED).isEqualTo("jdk.http.auth.tunneling.disabledSchemes");
        HttpClients.allowProxyBasicForTunnels();
        assertThat(System.getProperty(HttpClients.TUNNELING_DISABLED)).isEmpty();
    }

    @Test
    void theUserInfoIsTakenOutOfTheRequestUri() {
        assertThat(UrlCredentials.withoutUserInfo(URI.create("https://ci:p%40ss@h:8443/go/x%20y?a=1#f")))
                .isEqualTo(URI.create("https://h:8443/go/x%20y?a=1#f"));
        URI plain = URI.create("https://h/go/");
        assertThat(UrlCredentials.withoutUserInfo(plain)).isSameAs(plain);
        assertThat(UrlCredentials.of(URI.create("https://ci:p%40ss@h/")).request(URI.create("https://ci:p%40ss@h/x")).build()
                .headers().firstValue("Authorization")).hasValue(basic("ci", "p@ss"));
        assertThat(UrlCredentials.of(URI.create("https://ci:p@h/")).request(URI.create("https://h:444/x")).build()
                .headers().firstValue("Authorization")).as("another port is another origin").isEmpty();
    }
}
