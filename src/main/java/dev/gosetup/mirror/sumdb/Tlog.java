package dev.gosetup.mirror.sumdb;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The transparent log of a Go checksum database (golang.org/x/mod/sumdb/tlog, RFC 6962 hashing): leaf hash
 * SHA-256(0x00 ‖ record), node hash SHA-256(0x01 ‖ left ‖ right), and tiles of height 8 whose paths the go command
 * asks for ("tile/8/0/x001/234", partial ones "….p/W", record data "tile/8/data/…").
 */
public final class Tlog {
    /** The tile height the go command's sumdb client uses (sumdb.Client's default). */
    public static final int TILE_HEIGHT = 8;
    public static final int HASH_SIZE = 32;

    private Tlog() {}

    public static byte[] recordHash(byte[] record) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x00);
        sha.update(record);
        return sha.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 0x01);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The hash of an empty tree: SHA-256 of nothing. */
    public static byte[] emptyHash() {
        return sha256().digest();
    }

    /**
     * The path of a tile, as tlog.Tile.Path: level -1 is "data"; N written three digits at a time
     * (123456789 → x123/x456/789); a partial tile of width W &lt; 2^H ends in ".p/W".
     */
    public static String tilePath(int height, int level, long n, int width) {
        StringBuilder nStr = new StringBuilder("%03d".formatted(n % 1000));
        for (long m = n; m >= 1000; ) {
            m /= 1000;
            nStr.insert(0, "x%03d/".formatted(m % 1000));
        }
        String partial = width == (1 << height) ? "" : ".p/" + width;
        return "tile/" + height + "/" + (level == -1 ? "data" : Integer.toString(level)) + "/" + nStr + partial;
    }

    /**
     * The largest power of two strictly less than {@code n} (n ≥ 2), the split point of RFC 6962's MTH.
     */
    static long splitPoint(long n) {
        long k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }
}
