package dev.gosetup.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.fetch.FetchPolicy;
import dev.gosetup.fetch.HttpClients;
import dev.gosetup.release.ReleaseCatalog;
import dev.gosetup.release.ReleaseList;
import dev.gosetup.release.ReleaseListException;
import dev.gosetup.testing.Fixtures;
import dev.gosetup.testing.LoopbackServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad release lists from a mirror: each is a clear error when there is no saved copy, and the saved good
 * copy still serves when there is one (never replaced by the bad one). Tolerable quirks parse.
 */
class ReleaseListFaultsTest {
    @TempDir
    Path tmp;

    /** @param says the key of the problem the list is refused with */
    record Bad(String name, byte[] body, String says) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Bad> bad() {
        return Stream.of(
                new Bad("malformed JSON", utf8("[{\"version\": \"go1.22.5\", "), "releaseList.notJson"),
                new Bad("empty body", new byte[0], "releaseList.notJson"),
                new Bad("an HTML error page", utf8("<html><body>502 Bad Gateway</body></html>"), "releaseList.notJson"),
                new Bad("an object, not a list", utf8("{\"releases\": []}"), "releaseList.notJson"),
                new Bad("wrong types", utf8("[{\"version\": 122, \"stable\": \"yes\", \"files\": \"none\"}]"), "releaseList.notJson"),
                new Bad("huge (over 32 MiB)", new byte[33 << 20], "releaseList.tooLarge"),
                new Bad("an empty list", utf8("[]"), "releaseList.empty"));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void aClearErrorWithoutACopyAndTheGoodCopyWithOne(Bad bad) throws Exception {
        byte[] good = Files.readAllBytes(Fixtures.root().resolve("godl/golang-dl-stable-2021-11-08.json"));
        try (LoopbackServer server = new LoopbackServer()) {
            FetchPolicy policy = FetchPolicy.defaults().allowingPlainHttp("127.0.0.1");
            String url = server.uri("/dl.json").toString();

            server.serve("/dl.json", bad.body());
            ReleaseCatalog fresh = new ReleaseCatalog(HttpClients.create(policy), policy, tmp.resolve("empty-cache"));
            Throwable noCopy = org.assertj.core.api.Assertions.catchThrowable(() -> fresh.load(url));
            assertThat(noCopy).isInstanceOf(ReleaseListException.class);
            assertThat(((ReleaseListException) noCopy).problem().key()).isEqualTo(bad.says());
            assertThat(((ReleaseListException) noCopy).problem().args()).as("names the list").extracting(String::valueOf).contains(url);

            ReleaseCatalog cached = new ReleaseCatalog(HttpClients.create(policy), policy, tmp.resolve("cache"));
            server.serve("/dl.json", good);
            cached.load(url);
            server.serve("/dl.json", bad.body());
            ReleaseCatalog.Loaded after = cached.load(url);
            assertThat(after.fromCache()).isTrue();
            assertThat(after.staleReason().key()).isEqualTo(bad.says());
            assertThat(after.list().latestStable().orElseThrow().version().name()).isEqualTo("go1.17.3");
        }
    }

    @org.junit.jupiter.api.Test
    void quirksThatAreNotErrorsParse() {
        ReleaseList list = ReleaseList.parse(new ByteArrayInputStream(utf8("""
                [{"version":"go1.22.5","stable":true,"newField":{"x":1},"files":[
                   {"filename":"go1.22.5.linux-amd64.tar.gz","os":"linux","arch":"amd64","version":"go1.22.5","sha256":"",
                    "size":0,"kind":"archive","unknown":true}]},
                 {"version":"go1.22.5","stable":true,"files":[]},
                 {"version":"go1.4-bootstrap-20170518","stable":true,"files":[]}]
                """)), "quirks");
        assertThat(list.releases()).hasSize(1);
        assertThat(list.releases().getFirst().files().getFirst().hasChecksum()).as("missing sha256: kept, but never installed").isFalse();
    }
}
