package dev.gosetup.mirror.sumdb;

import dev.gosetup.i18n.Problem;
import java.util.Base64;

/** The signed head of a checksum database: "go.sum database tree\nN\nbase64(hash)\n" (tlog.FormatTree). */
public record TreeNote(long size, byte[] hash) {
    private static final String HEADER = "go.sum database tree\n";

    public String text() {
        return HEADER + size + "\n" + Base64.getEncoder().encodeToString(hash) + "\n";
    }

    public static TreeNote parse(String text, String dbName) throws SumDbException {
        String[] lines = text.split("\n", -1);
        // tlog.ParseTree accepts extra lines after the hash (newer servers add them); so do we.
        if (!text.startsWith(HEADER) || lines.length < 4 || !lines[1].matches("0|[1-9][0-9]{0,17}")) {
            throw new SumDbException(Problem.of("sumdb.tree.malformed", dbName));
        }
        try {
            byte[] hash = Base64.getDecoder().decode(lines[2]);
            if (hash.length != Tlog.HASH_SIZE) {
                throw new SumDbException(Problem.of("sumdb.tree.malformed", dbName));
            }
            return new TreeNote(Long.parseLong(lines[1]), hash);
        } catch (IllegalArgumentException e) {
            throw new SumDbException(Problem.of("sumdb.tree.malformed", dbName), e);
        }
    }
}
