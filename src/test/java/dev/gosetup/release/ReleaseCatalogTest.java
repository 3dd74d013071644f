package dev.gosetup.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.fetch.HttpClients;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.HasProblem;
import dev.gosetup.testing.LoopbackServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The release list over real HTTP on loopback: cached, revalidated, and still served when the network or the list fails. */
@Timeout(60)
class ReleaseCatalogTest {
    @TempDir
    Path cache;
    LoopbackServer server;
    ReleaseCatalog catalog;
    byte[] realList;
    String url;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
        FetchPolicy policy = FetchPolicy.defaults().allowingPlainHttp("127.0.0.1");
        catalog = new ReleaseCatalog(HttpClients.create(policy), policy, cache);
        realList = Files.readAllBytes(Fixtures.root().resolve("godl/golang-dl-stable-2021-11-08.json"));
        server.serve("/dl.json", realList);
        url = server.uri("/dl.json").toString();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void secondLoadRevalidatesWithTheETagAndUsesTheCachedBody() throws Exception {
        ReleaseCatalog.Loaded first = catalog.load(url);
        assertThat(first.fromCache()).isFalse();
        assertThat(first.list().latestStable().orElseThrow().version().name()).isEqualTo("go1.17.3");

        ReleaseCatalog.Loaded second = catalog.load(url);
        assertThat(second.fromCache()).as("304 Not Modified: the saved copy is current").isTrue();
        assertThat(second.staleReason()).isNull();
        assertThat(second.list().releases()).hasSameSizeAs(first.list().releases());
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void aChangedListReplacesTheCache() throws Exception {
        catalog.load(url);
        byte[] older = Files.readAllBytes(Fixtures.root().resolve("godl/golang-dl-include-all-2020.json"));
        server.serve("/dl.json", older);
        ReleaseCatalog.Loaded changed = catalog.load(url);
        assertThat(changed.fromCache()).isFalse();
        assertThat(changed.list().releases()).hasSize(91);
    }

    @Test
    void offlineServesTheCachedCopyAndSaysWhy() throws Exception {
        catalog.load(url);
        server.close();
        ReleaseCatalog.Loaded offline = catalog.load(url);
        assertThat(offline.fromCache()).isTrue();
        assertThat(offline.staleReason().key()).isEqualTo("net.reason.connect");
        assertThat(offline.staleReason().args()).containsExactly("127.0.0.1");
        assertThat(offline.list().latestStable().orElseThrow().version().name()).isEqualTo("go1.17.3");
    }

    @Test
    void aBrokenListNeverReplacesTheGoodCachedOne() throws Exception {
        catalog.load(url);
        server.serve("/dl.json", "[{\"version\": ".getBytes(StandardCharsets.UTF_8));
        ReleaseCatalog.Loaded afterBadList = catalog.load(url);
        assertThat(afterBadList.fromCache()).isTrue();
        assertThat(afterBadList.staleReason().key()).isEqualTo("releaseList.notJson");
        assertThat(afterBadList.list().latestStable().orElseThrow().version().name()).isEqualTo("go1.17.3");
        // the saved copy is still the good one, byte for byte
        try (var files = Files.list(cache)) {
            Path saved = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
            assertThat(Files.readAllBytes(saved)).isEqualTo(realList);
        }
    }

    @Test
    void noNetworkAndNoCacheIsAClearError() throws Exception {
        server.close();
        assertThatThrownBy(() -> catalog.load(url)).isInstanceOf(ReleaseListException.class)
                .satisfies(HasProblem.key("releaseList.unavailable", java.net.URI.create(url),
                        dev.gosetup.i18n.Problem.of("net.reason.connect", "127.0.0.1")));
    }

    @Test
    void plainHttpIsRefusedUnlessAllowedForTheHost() {
        FetchPolicy strict = FetchPolicy.defaults();
        ReleaseCatalog https = new ReleaseCatalog(HttpClients.create(strict), strict, cache);
        assertThatThrownBy(() -> https.load(url)).isInstanceOf(ReleaseListException.class)
                .satisfies(HasProblem.key("releaseList.httpsOnly", java.net.URI.create(url), "127.0.0.1"));
        assertThat(server.requests()).isZero();
    }
}
