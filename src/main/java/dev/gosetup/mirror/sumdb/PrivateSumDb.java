package dev.gosetup.mirror.sumdb;

import dev.gosetup.files.AtomicFiles;
import dev.gosetup.i18n.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checksum database this program signs, kept as the static files a sumdb client reads
 * ({@code DIR/sumdb/NAME/{supported,latest,lookup/M@V,tile/8/L/…,tile/8/data/…}}), so any web server serves it.
 * The log is append-only: it is read back from its own data tiles, checked against the signed {@code latest}, and
 * new records go after the old ones; a record never changes its id and a module version never gets a second hash.
 */
public final class PrivateSumDb {
    static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final int WIDTH = 1 << Tlog.TILE_HEIGHT;

    private final Path root;
    private final NoteKey key;
    private final List<byte[]> records = new ArrayList<>();
    private final List<byte[]> leaves = new ArrayList<>();
    private final Map<String, Integer> idByModule = new LinkedHashMap<>();
    private final Map<Long, byte[]> memo = new HashMap<>();
    private long published;

    private PrivateSumDb(Path root, NoteKey key) {
        this.root = root;
        this.key = key;
    }

    /** The folder of database {@code name} in a mirror: DIR/sumdb/NAME. */
    public static Path folder(Path mirrorDir, String name) {
        return mirrorDir.resolve("sumdb").resolve(name);
    }

    /** Opens (or starts) the database of {@code key} in {@code mirrorDir}, checking what is there against the key. */
    public static PrivateSumDb open(Path mirrorDir, NoteKey key) throws IOException {
        if (!key.canSign()) {
            throw new IllegalArgumentException("a signer key is needed");
        }
        PrivateSumDb db = new PrivateSumDb(folder(mirrorDir, key.name()), key);
        db.load();
        return db;
    }

    /** Reads and checks a published database with only its verifier key: its records, in log order. */
    public static List<String> read(Path mirrorDir, NoteKey verifier) throws IOException {
        PrivateSumDb db = new PrivateSumDb(folder(mirrorDir, verifier.name()), verifier);
        db.load();
        return db.records.stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList();
    }

    /**
     * What a client gets for {@code path@version}: the served lookup file, its note checked with the verifier key, and
     * the record checked against that signed tree through the served hash tiles (as cmd/go's sumdb client does).
     * Returns the record's go.sum lines; a problem when any of it does not hold.
     */
    public static String lookupAsClient(Path mirrorDir, NoteKey verifier, String path, String version) throws IOException {
        Path root = folder(mirrorDir, verifier.name());
        Path lookup = root.resolve("lookup/" + ModulePaths.escape(path + "@" + version));
        byte[] body;
        try {
            body = Files.readAllBytes(lookup);
        } catch (NoSuchFileException e) {
            throw new SumDbException(Problem.of("sumdb.log.missing", lookup), e);
        }
        String s = new String(body, StandardCharsets.UTF_8);
        int nl = s.indexOf('\n');
        int end = s.indexOf("\n\n");
        if (nl < 0 || end < nl || !s.substring(0, nl).matches("0|[1-9][0-9]{0,17}")) {
            throw new SumDbException(Problem.of("sumdb.log.damaged", lookup));
        }
        long id = Long.parseLong(s.substring(0, nl));
        String text = s.substring(nl + 1, end + 1);
        byte[] note = s.substring(end + 2).getBytes(StandardCharsets.UTF_8);
        TreeNote tree = TreeNote.parse(SignedNote.open(note, verifier), verifier.name());
        if (id >= tree.size()) {
            throw new SumDbException(Problem.of("sumdb.log.damaged", lookup));
        }
        TileHashSource tiles = new TileHashSource(tree.size(), tile -> {
            Path file = root.resolve(tile);
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }, verifier.name());
        if (!java.util.Arrays.equals(tiles.treeHashWith(tree.size(), id, text.getBytes(StandardCharsets.UTF_8)), tree.hash())) {
            throw new SumDbException(Problem.of("sumdb.log.rewritten", lookup));
        }
        return text;
    }

    public long size() {
        return records.size();
    }

    /**
     * Adds the record of module {@code path} at {@code version} (its go.sum lines, each ending in "\n"), or finds it
     * already there. Returns its id. A different hash for a version already in the log is refused: that is exactly
     * what a checksum database exists to catch.
     */
    public long add(String path, String version, String zipHash, String modHash) throws SumDbException {
        String text = path + " " + version + " " + zipHash + "\n" + path + " " + version + "/go.mod " + modHash + "\n";
        String module = path + "@" + version;
        Integer id = idByModule.get(module);
        if (id != null) {
            String old = new String(records.get(id), StandardCharsets.UTF_8);
            if (!old.equals(text)) {
                throw new SumDbException(Problem.of("sumdb.record.conflict", module, key.name()));
            }
            return id;
        }
        append(text.getBytes(StandardCharsets.UTF_8));
        return records.size() - 1;
    }

    /** The go.sum lines recorded for a module version, or null. */
    public String record(String path, String version) {
        Integer id = idByModule.get(path + "@" + version);
        return id == null ? null : new String(records.get(id), StandardCharsets.UTF_8);
    }

    /** Writes every file of the current tree; {@code latest} last, so a reader never sees a tree without its tiles. */
    public void publish() throws IOException {
        long n = records.size();
        byte[] signedTree = SignedNote.sign(new TreeNote(n, treeHash()).text(), key);
        write("supported", new byte[0]);
        for (int level = 0; (n >> (Tlog.TILE_HEIGHT * level)) > 0; level++) {
            long count = n >> (Tlog.TILE_HEIGHT * level);
            for (long t = 0; t * WIDTH < count; t++) {
                int width = (int) Math.min(WIDTH, count - t * WIDTH);
                writeTile(level, t, width);
            }
        }
        for (long t = 0; t * WIDTH < n; t++) {
            int width = (int) Math.min(WIDTH, n - t * WIDTH);
            StringBuilder data = new StringBuilder();
            for (long i = t * WIDTH; i < t * WIDTH + width; i++) {
                data.append(i).append('\n').append(new String(records.get((int) i), StandardCharsets.UTF_8)).append('\n');
            }
            write(Tlog.tilePath(Tlog.TILE_HEIGHT, -1, t, width), data.toString().getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, Integer> e : idByModule.entrySet()) {
            byte[] record = records.get(e.getValue());
            byte[] body = NoteKey.concat((e.getValue() + "\n" + new String(record, StandardCharsets.UTF_8) + "\n")
                    .getBytes(StandardCharsets.UTF_8), signedTree);
            write("lookup/" + ModulePaths.escape(e.getKey()), body);
        }
        write("latest", signedTree);
        published = n;
    }

    private void writeTile(int level, long t, int width) throws IOException {
        byte[] tile = new byte[width * Tlog.HASH_SIZE];
        for (int i = 0; i < width; i++) {
            System.arraycopy(subtree(Tlog.TILE_HEIGHT * level, t * WIDTH + i), 0, tile, i * Tlog.HASH_SIZE, Tlog.HASH_SIZE);
        }
        write(Tlog.tilePath(Tlog.TILE_HEIGHT, level, t, width), tile);
    }

    private void write(String relative, byte[] content) throws IOException {
        Path file = root.resolve(relative);
        if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), content)) {
            return; // unchanged: full tiles never change, and re-runs should not touch them
        }
        AtomicFiles.write(file, content, PUBLIC_FILE);
    }

    byte[] treeHash() throws IOException {
        HashSource source = this::subtree;
        return source.treeHash(records.size());
    }

    private byte[] subtree(int level, long n) {
        if (level == 0) {
            return leaves.get((int) n);
        }
        long memoKey = ((long) level << 56) | n;
        byte[] known = memo.get(memoKey);
        if (known == null) {
            known = Tlog.nodeHash(subtree(level - 1, 2 * n), subtree(level - 1, 2 * n + 1));
            memo.put(memoKey, known);
        }
        return known;
    }

    private void append(byte[] record) {
        String text = new String(record, StandardCharsets.UTF_8);
        String first = text.substring(0, text.indexOf('\n'));
        String[] fields = first.split(" ");
        idByModule.put(fields[0] + "@" + fields[1], records.size());
        records.add(record);
        leaves.add(Tlog.recordHash(record));
    }

    private void load() throws IOException {
        byte[] latest;
        try {
            latest = Files.readAllBytes(root.resolve("latest"));
        } catch (NoSuchFileException absent) {
            return; // a new database
        }
        TreeNote tree = TreeNote.parse(SignedNote.open(latest, key), key.name());
        if (tree.size() > 10_000_000) {
            throw new SumDbException(Problem.of("sumdb.tree.malformed", key.name()));
        }
        for (long t = 0; t * WIDTH < tree.size(); t++) {
            int width = (int) Math.min(WIDTH, tree.size() - t * WIDTH);
            Path tile = root.resolve(Tlog.tilePath(Tlog.TILE_HEIGHT, -1, t, width));
            String data;
            try {
                data = Files.readString(tile, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new SumDbException(Problem.of("sumdb.log.missing", tile), e);
            }
            int at = 0;
            for (long id = t * WIDTH; id < t * WIDTH + width; id++) {
                int nl = data.indexOf('\n', at);
                int end = data.indexOf("\n\n", at);
                if (nl < 0 || end < 0 || !data.substring(at, nl).equals(Long.toString(id))) {
                    throw new SumDbException(Problem.of("sumdb.log.damaged", tile));
                }
                append(data.substring(nl + 1, end + 1).getBytes(StandardCharsets.UTF_8));
                at = end + 2;
            }
            if (at != data.length()) {
                throw new SumDbException(Problem.of("sumdb.log.damaged", tile));
            }
        }
        if (!java.util.Arrays.equals(treeHash(), tree.hash())) {
            throw new SumDbException(Problem.of("sumdb.log.rewritten", root));
        }
        published = tree.size();
    }

    /** How many records the last {@code publish} (or the files found) covered. */
    public long published() {
        return published;
    }
}
