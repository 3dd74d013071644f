package dev.gosetup.mirror.sumdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6962's hashing against the Certificate Transparency test vectors, and tlog's tile paths against golang.org/x/mod. */
class TlogTest {
    /** The eight leaves of the CT test vectors (certificate-transparency's merkle tests). */
    private static final List<byte[]> LEAVES = List.of(hex(""), hex("00"), hex("10"), hex("2021"), hex("3031"), hex("40414243"),
            hex("5051525354555657"), hex("606162636465666768696a6b6c6d6e6f"));
    /** MTH of the first 1..8 leaves. */
    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void treeHashesAreTheRfc6962TestVectors() throws IOException {
        HashSource source = subtreesOf(LEAVES);
        for (int n = 1; n <= 8; n++) {
            assertThat(HexFormat.of().formatHex(source.treeHash(n))).as("size %d", n).isEqualTo(ROOTS.get(n - 1));
        }
        assertThat(HexFormat.of().formatHex(source.treeHash(0)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"); // tlog's emptyHash
    }

    @Test
    void aRecordChecksAgainstTheTreeOnlyAtItsOwnPlace() throws IOException {
        HashSource source = subtreesOf(LEAVES);
        for (int n = 1; n <= 8; n++) {
            for (int i = 0; i < n; i++) {
                assertThat(HexFormat.of().formatHex(source.treeHashWith(n, i, LEAVES.get(i)))).isEqualTo(ROOTS.get(n - 1));
                if (n > 1) {
                    int other = (i + 1) % n;
                    if (!java.util.Arrays.equals(LEAVES.get(other), LEAVES.get(i))) {
                        assertThat(HexFormat.of().formatHex(source.treeHashWith(n, other, LEAVES.get(i)))).isNotEqualTo(ROOTS.get(n - 1));
                    }
                }
            }
        }
        assertThatThrownBy(() -> source.treeHashWith(3, 3, LEAVES.get(0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tilePathsAreTlogs() {
        // golang.org/x/mod/sumdb/tlog tile_test.go and Tile.Path's documentation
        assertThat(Tlog.tilePath(4, 0, 1, 16)).isEqualTo("tile/4/0/001");
        assertThat(Tlog.tilePath(4, 0, 1, 5)).isEqualTo("tile/4/0/001.p/5");
        assertThat(Tlog.tilePath(3, 5, 123456078, 8)).isEqualTo("tile/3/5/x123/x456/078");
        assertThat(Tlog.tilePath(3, 5, 123456078, 2)).isEqualTo("tile/3/5/x123/x456/078.p/2");
        assertThat(Tlog.tilePath(1, -1, 3057500, 2)).isEqualTo("tile/1/data/x003/x057/500");
        assertThat(Tlog.tilePath(3, 4, 1234067, 8)).isEqualTo("tile/3/4/x001/x234/067");
        assertThat(Tlog.tilePath(8, 0, 0, 256)).isEqualTo("tile/8/0/000");
        assertThat(Tlog.tilePath(8, 0, 1000, 256)).isEqualTo("tile/8/0/x001/000");
    }

    /** Subtree hashes straight from the leaves, independent of the database's memo and of tiles. */
    static HashSource subtreesOf(List<byte[]> records) {
        List<byte[]> leaves = new ArrayList<>();
        records.forEach(r -> leaves.add(Tlog.recordHash(r)));
        return new HashSource() {
            @Override
            public byte[] subtree(int level, long n) {
                return level == 0 ? leaves.get((int) n) : Tlog.nodeHash(subtree(level - 1, 2 * n), subtree(level - 1, 2 * n + 1));
            }
        };
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }
}
