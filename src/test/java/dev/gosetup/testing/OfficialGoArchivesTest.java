package dev.gosetup.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.gosetup.release.ReleaseList;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The go.dev source of the test archives (what macOS, Windows and Linux arm64 runners use), against a loopback
 * server standing in for go.dev and dl.google.com: it serves the real Debian-built Go 1.19.8 and a release list
 * made of go.dev's real 2020 list (src/test/fixtures/godl) with that archive's entry added. Never the internet.
 */
class OfficialGoArchivesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private LoopbackServer server;
    private Path archive;

    @BeforeEach
    void serve() throws Exception {
        archive = GoMirror.dir().resolve(GoMirror.FILE);
        server = new LoopbackServer().serveFile("/go/" + GoMirror.FILE, archive);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** go.dev's real list plus go1.19.8 with the given digest for the linux-amd64 archive (and a darwin one). */
    private OfficialGoArchives goDevServing(String sha256) throws IOException {
        ArrayNode list = (ArrayNode) JSON.readTree(Fixtures.root().resolve("godl/golang-dl-include-all-2020.json").toFile());
        JsonNode release = JSON.readTree("""
                {"version": "go1.19.8", "stable": true, "files": [
                  {"filename": "go1.19.8.darwin-arm64.tar.gz", "os": "darwin", "arch": "arm64", "version": "go1.19.8",
                   "sha256": "%s", "size": 1, "kind": "archive"},
                  {"filename": "go1.19.8.linux-amd64.tar.gz", "os": "linux", "arch": "amd64", "version": "go1.19.8",
                   "sha256": "%s", "size": %d, "kind": "archive"}]}
                """.formatted("1".repeat(64), sha256, Files.size(archive)));
        list.insert(0, release);
        server.serve("/dl/", JSON.writeValueAsBytes(list));
        return new OfficialGoArchives(server.uri("/dl/?mode=json&include=all"), server.uri("/go/"));
    }

    @Test
    void keepsTheArchiveWhoseDigestGoDevListsAndWritesTheSameListAsTheScript() throws Exception {
        Path dir = tmp.resolve("mirror");
        goDevServing(GoMirror.sha256()).fetch(dir, List.of("1.19.8"), "linux", "amd64");

        assertThat(Files.mismatch(dir.resolve(GoMirror.FILE), archive)).isEqualTo(-1L);
        assertThat(Files.readString(dir.resolve(GoMirror.FILE + ".sha256")).strip()).isEqualTo(GoMirror.sha256());
        // The same dl.json as make-go-mirror.sh wrote for this archive, byte for byte, and the app reads it.
        assertThat(Files.mismatch(dir.resolve("dl.json"), GoMirror.dir().resolve("dl.json"))).isEqualTo(-1L);
        try (InputStream in = Files.newInputStream(dir.resolve("dl.json"))) {
            assertThat(ReleaseList.parse(in, "test").latestStable().orElseThrow().version().toString()).isEqualTo("go1.19.8");
        }
        assertThat(dir).isDirectoryNotContaining("glob:**.part");

        // A second run finds it there with the listed digest: only the list is asked for again.
        int before = server.requestedPaths().size();
        goDevServing(GoMirror.sha256()).fetch(dir, List.of("1.19.8"), "linux", "amd64");
        assertThat(server.requestedPaths().subList(before, server.requestedPaths().size())).containsExactly("/dl/");
    }

    @Test
    void listsSeveralVersionsNewestFirstExactlyAsTheScriptDoesAndKeepsArchivesAlreadyThere() throws Exception {
        Path multi = MultiGoMirror.dir();
        Path dir = Files.createDirectories(tmp.resolve("multi"));
        ArrayNode list = JSON.createArrayNode();
        for (String v : MultiGoMirror.VERSIONS) {
            String name = OfficialGoArchives.fileName(v, "linux", "amd64");
            // Already there with the digest go.dev lists: kept, not fetched (the server does not even have them).
            Files.createSymbolicLink(dir.resolve(name), multi.resolve(name));
            Files.copy(multi.resolve(name + ".sha256"), dir.resolve(name + ".sha256"));
            list.add(JSON.readTree("""
                    {"version": "go%s", "stable": true, "files": [{"filename": "%s", "os": "linux", "arch": "amd64",
                     "version": "go%s", "sha256": "%s", "size": %d, "kind": "archive"}]}
                    """.formatted(v, name, v, Files.readString(multi.resolve(name + ".sha256")).strip(), Files.size(multi.resolve(name)))));
        }
        server.serve("/dl/", JSON.writeValueAsBytes(list));

        // Asked for oldest first, with a repeat: listed newest first, once each, as make-go-mirror.sh --versions does.
        new OfficialGoArchives(server.uri("/dl/"), server.uri("/go/"))
                .fetch(dir, List.of("1.19.8", "1.21.13", "1.23.5", "1.22.12", "1.21.13"), "linux", "amd64");

        assertThat(Files.mismatch(dir.resolve("dl.json"), multi.resolve("dl.json"))).isEqualTo(-1L);
        assertThat(server.requestedPaths()).containsExactly("/dl/");
    }

    @Test
    void refusesAnArchiveWhoseBytesAreNotWhatGoDevLists() throws Exception {
        Path dir = tmp.resolve("mirror");
        String wrong = "0".repeat(64);
        assertThatThrownBy(() -> goDevServing(wrong).fetch(dir, List.of("1.19.8"), "linux", "amd64"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("has SHA-256 " + GoMirror.sha256())
                .hasMessageContaining("lists " + wrong).hasMessageContaining("refused");
        try (var left = Files.list(dir)) {
            assertThat(left).as("nothing of the refused archive is kept, and no list names it").isEmpty();
        }
    }

    @Test
    void refusesWhatGoDevDoesNotListOrListsWithoutADigest() throws Exception {
        Path dir = tmp.resolve("mirror");
        assertThatThrownBy(() -> goDevServing(GoMirror.sha256()).fetch(dir, List.of("1.19.9"), "linux", "amd64"))
                .hasMessageContaining("does not list go1.19.9");
        assertThatThrownBy(() -> goDevServing(GoMirror.sha256()).fetch(dir, List.of("1.19.8"), "linux", "arm64"))
                .hasMessageContaining("lists go1.19.8 without go1.19.8.linux-arm64.tar.gz");
        // go.dev's real 2020 list has old releases with an empty sha256: never taken as "no check needed".
        assertThatThrownBy(() -> goDevServing(GoMirror.sha256()).fetch(dir, List.of("1.2.2"), "linux", "amd64"))
                .hasMessageContaining("no usable SHA-256");
        assertThatThrownBy(() -> goDevServing(GoMirror.sha256()).fetch(dir, List.of("1.19.8/../x"), "linux", "amd64"))
                .isInstanceOf(IllegalArgumentException.class);
        try (var left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
        assertThat(server.requestedPaths()).doesNotContain("/go/" + GoMirror.FILE);
    }

    @Test
    void namesWindowsArchivesAsZips() {
        assertThat(OfficialGoArchives.fileName("1.23.5", "windows", "amd64")).isEqualTo("go1.23.5.windows-amd64.zip");
        assertThat(OfficialGoArchives.fileName("1.23.5", "darwin", "arm64")).isEqualTo("go1.23.5.darwin-arm64.tar.gz");
        assertThat(URI.create("https://dl.google.com/go/").resolve(OfficialGoArchives.fileName("1.19.8", "linux", "amd64")))
                .isEqualTo(URI.create("https://dl.google.com/go/go1.19.8.linux-amd64.tar.gz"));
    }
}
