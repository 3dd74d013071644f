package dev.gosetup.mirror.sumdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.Reported;
import dev.gosetup.testing.StaticDirServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mirroring a public checksum database's records, against a database generated here (the real key is pinned; the
 * seam swaps it) and served over loopback: kept only when signed, in the tree and equal to the mirror's zips.
 */
class PublicSumDbTest {
    private static final String M = "golang.org/toolchain";
    private static final String NAME = "sum.test.invalid";

    @TempDir
    Path tmp;

    @Test
    void recordsAreCheckedAgainstTheSignedTreeAndServedAsTheProxyProtocolWants() throws Exception {
        NoteKey key = NoteKey.generate(NAME);
        Path upstream = tmp.resolve("upstream");
        PrivateSumDb db = PrivateSumDb.open(upstream, key);
        for (int i = 0; i < 600; i++) { // two full tiles and more: the records sit in different tiles
            db.add("example.com/m" + i, "v1.0.0", "h1:m" + i + "=", "h1:g" + i + "=");
            if (i == 100) {
                db.add(M, "v0.0.1-go1.23.5.linux-amd64", "h1:zip=", "h1:mod=");
            }
        }
        db.add(M, "v0.0.1-go1.22.12.linux-amd64", "h1:zip22=", "h1:mod22=");
        db.add(M, "v0.0.1-go1.21.13.linux-amd64", "h1:theirs=", "h1:mod21=");
        db.publish();

        Path mirror = tmp.resolve("mirror");
        try (StaticDirServer server = new StaticDirServer(PrivateSumDb.folder(upstream, NAME))) {
            PublicSumDb pub = TestSumDbs.publicAt(key.verifierOnly(), URI.create(server.url() + "/"));
            List<Problem> problems = pub.mirror(mirror, List.of(
                    new PublicSumDb.Wanted(M, "v0.0.1-go1.23.5.linux-amd64", "h1:zip=", "h1:mod="),
                    new PublicSumDb.Wanted(M, "v0.0.1-go1.22.12.linux-amd64", "h1:zip22=", "h1:mod22="),
                    new PublicSumDb.Wanted(M, "v0.0.1-go1.21.13.linux-amd64", "h1:ours=", "h1:mod21="),
                    new PublicSumDb.Wanted(M, "v0.0.1-go1.20.14.linux-amd64", "h1:x=", "h1:y=")));
            assertThat(problems).extracting(Problem::key).containsExactly("sumdb.public.differs", "sumdb.public.unknown");
            assertThat(problems.get(0).args()).contains("h1:ours=", "h1:theirs=");
        }
        Path served = mirror.resolve("sumdb").resolve(NAME);
        assertThat(served.resolve("supported")).exists();
        assertThat(served.resolve("lookup/" + M + "@v0.0.1-go1.21.13.linux-amd64")).doesNotExist();
        // what a client reading only the mirror gets checks out against the signed tree
        assertThat(PrivateSumDb.lookupAsClient(mirror, key.verifierOnly(), M, "v0.0.1-go1.23.5.linux-amd64"))
                .isEqualTo(M + " v0.0.1-go1.23.5.linux-amd64 h1:zip=\n" + M + " v0.0.1-go1.23.5.linux-amd64/go.mod h1:mod=\n");
        assertThat(PrivateSumDb.lookupAsClient(mirror, key.verifierOnly(), M, "v0.0.1-go1.22.12.linux-amd64")).contains("h1:zip22=");
        assertThat(Files.readAllBytes(served.resolve("latest"))).isEqualTo(Files.readAllBytes(PrivateSumDb.folder(upstream, NAME).resolve("latest")));
    }

    @Test
    void aWrongKeyOrAChangedTileIsRefused() throws Exception {
        NoteKey key = NoteKey.generate(NAME);
        Path upstream = tmp.resolve("upstream");
        PrivateSumDb db = PrivateSumDb.open(upstream, key);
        for (int i = 0; i < 5; i++) {
            db.add("example.com/m" + i, "v1.0.0", "h1:m" + i + "=", "h1:g" + i + "=");
        }
        db.add(M, "v0.0.1-go1.23.5.linux-amd64", "h1:zip=", "h1:mod=");
        db.publish();
        List<PublicSumDb.Wanted> wanted = List.of(new PublicSumDb.Wanted(M, "v0.0.1-go1.23.5.linux-amd64", "h1:zip=", "h1:mod="));
        try (StaticDirServer server = new StaticDirServer(PrivateSumDb.folder(upstream, NAME))) {
            PublicSumDb impostor = TestSumDbs.publicAt(NoteKey.generate(NAME).verifierOnly(), URI.create(server.url()));
            assertThatThrownBy(() -> impostor.mirror(tmp.resolve("m1"), wanted))
                    .extracting(e -> ((Reported) e).problem().key()).isEqualTo("sumdb.note.unsigned");

            Path tile = PrivateSumDb.folder(upstream, NAME).resolve("tile/8/0/000.p/6");
            byte[] t = Files.readAllBytes(tile);
            t[0] ^= 1; // a sibling hash on the record's path
            Files.write(tile, t);
            PublicSumDb pub = TestSumDbs.publicAt(key.verifierOnly(), URI.create(server.url()));
            assertThatThrownBy(() -> pub.mirror(tmp.resolve("m2"), wanted))
                    .extracting(e -> ((Reported) e).problem().key()).isEqualTo("sumdb.public.notInTree");
            assertThat(tmp.resolve("m2/sumdb")).doesNotExist();
        }
        assertThatThrownBy(() -> TestSumDbs.publicAt(key.verifierOnly(), URI.create("http://127.0.0.1:9/")).mirror(tmp.resolve("m3"), wanted))
                .extracting(e -> ((Reported) e).problem().key()).isEqualTo("sumdb.public.unreachable");
    }

    @Test
    void thePinnedKeyIsGosOwn() {
        NoteKey pinned = NoteKey.parseVerifier(PublicSumDb.SUM_GOLANG_ORG).orElseThrow();
        assertThat(pinned.name()).isEqualTo("sum.golang.org");
        assertThat(pinned.verifierKey()).isEqualTo(PublicSumDb.SUM_GOLANG_ORG); // cmd/go modfetch/key.go
    }
}
