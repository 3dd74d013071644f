package dev.gosetup.mirror.sumdb;

import dev.gosetup.i18n.Problem;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Subtree hashes read from a database's tiles, as cmd/go's sumdb client reads them (tlog.TileHashReader): for a
 * tree of {@code size} records, the tiles of height 8 that tree publishes, full or partial. With
 * {@link HashSource#treeHashWith} this checks a record against a signed tree using nothing but the served files.
 */
public final class TileHashSource implements HashSource {
    /** Reads one tile by its path ("tile/8/0/000.p/3"). */
    @FunctionalInterface
    public interface TileReader {
        byte[] read(String path) throws IOException;
    }

    private static final int H = Tlog.TILE_HEIGHT;
    private final long size;
    private final TileReader reader;
    private final String dbName;
    private final Map<String, byte[]> tiles = new HashMap<>();

    public TileHashSource(long size, TileReader reader, String dbName) {
        this.size = size;
        this.reader = reader;
        this.dbName = dbName;
    }

    @Override
    public byte[] subtree(int level, long n) throws IOException {
        int tileLevel = level / H;
        int within = level % H;
        long first = n << within; // index among the hashes at tree level tileLevel*H
        long tileN = first >> H;
        long available = size >> (H * tileLevel);
        int width = (int) Math.min(1 << H, available - (tileN << H));
        int from = (int) (first - (tileN << H));
        int count = 1 << within;
        if (width <= 0 || from + count > width) {
            throw new SumDbException(Problem.of("sumdb.tile.outsideTree", dbName, level, n, size));
        }
        String path = Tlog.tilePath(H, tileLevel, tileN, width);
        byte[] tile = tiles.get(path);
        if (tile == null) {
            tile = reader.read(path);
            if (tile == null || tile.length != width * Tlog.HASH_SIZE) {
                throw new SumDbException(Problem.of("sumdb.tile.bad", dbName, path));
            }
            tiles.put(path, tile);
        }
        return hashOf(tile, from, count);
    }

    /** tlog's tileHash: the subtree hash of {@code count} (a power of two) consecutive hashes of a tile. */
    private static byte[] hashOf(byte[] tile, int from, int count) {
        if (count == 1) {
            return Arrays.copyOfRange(tile, from * Tlog.HASH_SIZE, (from + 1) * Tlog.HASH_SIZE);
        }
        int half = count / 2;
        return Tlog.nodeHash(hashOf(tile, from, half), hashOf(tile, from + half, half));
    }
}
