package dev.gosetup.mirror.sumdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gosetup.i18n.Reported;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The private checksum database as static files: what a client reads must check out, and the log only grows. */
class PrivateSumDbTest {
    private static final String M = "golang.org/toolchain";

    @TempDir
    Path mirror;

    @Test
    void tilesLookupsAndLatestCheckOutAsAClientChecksThem() throws Exception {
        NoteKey key = NoteKey.generate("sumdb.test.invalid");
        PrivateSumDb db = PrivateSumDb.open(mirror, key);
        for (int i = 0; i < 300; i++) { // more than one tile of 256: a full tile, partial ones, a level-1 tile
            db.add(M, version(i), "h1:zip" + i + "=", "h1:mod" + i + "=");
        }
        db.publish();
        Path root = PrivateSumDb.folder(mirror, key.name());
        assertThat(root.resolve("supported")).exists();
        assertThat(root.resolve("tile/8/0/000")).hasSize(256 * 32);
        assertThat(root.resolve("tile/8/0/001.p/44")).hasSize(44 * 32);
        assertThat(root.resolve("tile/8/1/000.p/1")).hasSize(32);
        assertThat(root.resolve("tile/8/data/000")).exists();
        assertThat(root.resolve("tile/8/data/001.p/44")).exists();
        if (dev.gosetup.testing.HostOs.posixModes()) { // Windows files have ACLs, no mode
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("latest")))).isEqualTo("rw-r--r--");
        }

        // the signed tree is the RFC 6962 hash of the records, computed here without the database's code
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            records.add(record(i).getBytes(StandardCharsets.UTF_8));
        }
        TreeNote tree = TreeNote.parse(SignedNote.open(Files.readAllBytes(root.resolve("latest")), key.verifierOnly()), key.name());
        assertThat(tree.size()).isEqualTo(300);
        assertThat(tree.hash()).isEqualTo(TlogTest.subtreesOf(records).treeHash(300));
        // every hash tile holds exactly the subtree hashes it must
        HashSource independent = TlogTest.subtreesOf(records);
        byte[] tile0 = Files.readAllBytes(root.resolve("tile/8/0/000"));
        assertThat(Arrays.copyOfRange(tile0, 255 * 32, 256 * 32)).isEqualTo(independent.subtree(0, 255));
        assertThat(Files.readAllBytes(root.resolve("tile/8/1/000.p/1"))).isEqualTo(independent.subtree(8, 0));

        for (int i : new int[] {0, 1, 255, 256, 299}) {
            assertThat(PrivateSumDb.lookupAsClient(mirror, key.verifierOnly(), M, version(i))).isEqualTo(record(i));
        }
        assertThat(Files.readString(root.resolve("lookup/" + M + "@" + version(7)))).startsWith("7\n" + record(7) + "\n");
    }

    @Test
    void reRunsAppendKeepIdsAndTheOldTreeIsAPrefixOfTheNew() throws Exception {
        NoteKey key = NoteKey.generate("sumdb.test.invalid");
        PrivateSumDb first = PrivateSumDb.open(mirror, key);
        for (int i = 0; i < 5; i++) {
            first.add(M, version(i), "h1:zip" + i + "=", "h1:mod" + i + "=");
        }
        first.publish();
        byte[] oldLatest = Files.readAllBytes(PrivateSumDb.folder(mirror, key.name()).resolve("latest"));

        PrivateSumDb again = PrivateSumDb.open(mirror, key);
        assertThat(again.size()).isEqualTo(5);
        assertThat(again.add(M, version(2), "h1:zip2=", "h1:mod2=")).isEqualTo(2); // already there: same id
        assertThat(again.add(M, version(9), "h1:zip9=", "h1:mod9=")).isEqualTo(5);
        again.publish();

        assertThat(PrivateSumDb.read(mirror, key.verifierOnly())).hasSize(6).startsWith(record(0), record(1));
        TreeNote old = TreeNote.parse(SignedNote.open(oldLatest, key.verifierOnly()), key.name());
        List<byte[]> records = new ArrayList<>();
        for (String r : PrivateSumDb.read(mirror, key.verifierOnly())) {
            records.add(r.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(TlogTest.subtreesOf(records).treeHash(old.size())).isEqualTo(old.hash()); // consistent with the old tree
        // an old lookup is still provable (old partial tiles are kept for clients that saw the old tree)
        assertThat(PrivateSumDb.lookupAsClient(mirror, key.verifierOnly(), M, version(0))).isEqualTo(record(0));

        assertThatThrownBy(() -> PrivateSumDb.open(mirror, key).add(M, version(1), "h1:OTHER=", "h1:mod1="))
                .isInstanceOf(SumDbException.class).extracting(e -> ((Reported) e).problem().key()).isEqualTo("sumdb.record.conflict");
    }

    @Test
    void aChangedLogOrAnotherKeyIsRefused() throws Exception {
        NoteKey key = NoteKey.generate("sumdb.test.invalid");
        PrivateSumDb db = PrivateSumDb.open(mirror, key);
        db.add(M, version(0), "h1:zip0=", "h1:mod0=");
        db.add(M, version(1), "h1:zip1=", "h1:mod1=");
        db.publish();
        Path data = PrivateSumDb.folder(mirror, key.name()).resolve("tile/8/data/000.p/2");

        assertThatThrownBy(() -> PrivateSumDb.open(mirror, NoteKey.generate("sumdb.test.invalid")))
                .extracting(e -> ((Reported) e).problem().key()).isEqualTo("sumdb.note.unsigned");

        Files.writeString(data, Files.readString(data).replace("h1:zip1=", "h1:evil="));
        assertThatThrownBy(() -> PrivateSumDb.open(mirror, key))
                .extracting(e -> ((Reported) e).problem().key()).isEqualTo("sumdb.log.rewritten");
        Files.writeString(data, "garbage");
        assertThatThrownBy(() -> PrivateSumDb.open(mirror, key))
                .extracting(e -> ((Reported) e).problem().key()).isEqualTo("sumdb.log.damaged");
        Files.delete(data);
        assertThatThrownBy(() -> PrivateSumDb.open(mirror, key))
                .extracting(e -> ((Reported) e).problem().key()).isEqualTo("sumdb.log.missing");
    }

    private static String version(int i) {
        return "v0.0.1-go1.%d.%d.linux-amd64".formatted(21 + i / 100, i % 100);
    }

    private static String record(int i) {
        return M + " " + version(i) + " h1:zip" + i + "=\n" + M + " " + version(i) + "/go.mod h1:mod" + i + "=\n";
    }
}
