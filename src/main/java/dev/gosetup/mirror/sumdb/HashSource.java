package dev.gosetup.mirror.sumdb;

import java.io.IOException;
import java.util.Arrays;

/**
 * Where the hashes of complete, aligned subtrees come from: the records themselves (a database this program signs)
 * or tiles fetched from a server (the public database). On top of it, RFC 6962's tree hash, and the same with one
 * leaf recomputed from its record, which is how an inclusion proof is checked without a separate proof format.
 */
public interface HashSource {
    /** The hash of the complete subtree of 2^level leaves starting at leaf {@code n << level}. */
    byte[] subtree(int level, long n) throws IOException;

    /** MTH(leaves [0, size)). */
    default byte[] treeHash(long size) throws IOException {
        return size == 0 ? Tlog.emptyHash() : range(0, size, -1, null);
    }

    /**
     * The tree hash of [0, size) computed with leaf {@code leaf} hashed from {@code record} instead of taken from the
     * source: equal to the signed tree hash exactly when the record is the log's entry {@code leaf}.
     */
    default byte[] treeHashWith(long size, long leaf, byte[] record) throws IOException {
        if (leaf < 0 || leaf >= size) {
            throw new IllegalArgumentException("leaf " + leaf + " outside tree of " + size);
        }
        return range(0, size, leaf, Tlog.recordHash(record));
    }

    private byte[] range(long lo, long hi, long leaf, byte[] leafHash) throws IOException {
        long width = hi - lo;
        boolean holdsLeaf = leaf >= lo && leaf < hi;
        if (width == 1) {
            return holdsLeaf ? Arrays.copyOf(leafHash, leafHash.length) : subtree(0, lo);
        }
        if (Long.bitCount(width) == 1 && !holdsLeaf) {
            int level = Long.numberOfTrailingZeros(width);
            return subtree(level, lo >> level); // lo is aligned: ranges split at powers of two from 0
        }
        long k = Tlog.splitPoint(width);
        return Tlog.nodeHash(range(lo, lo + k, leaf, leafHash), range(lo + k, hi, leaf, leafHash));
    }
}
