package dev.gosetup.project;

import java.util.Optional;

/**
 * The {@code go} and {@code toolchain} lines of a go.mod or go.work, read exactly as the go command reads them
 * when it chooses a toolchain (gover.GoModLookup): the first line that, trimmed, starts with the key followed by
 * a space or tab; a {@code //} comment after it is cut off. Everything else (require/replace/retract blocks,
 * godebug, comments, CRLF, a BOM-less or odd file) is passed over, so a file the full parser would reject still
 * gives the same answer the go command's switch gives.
 */
public final class GoModLines {
    private GoModLines() {}

    /** The value of {@code key} and its 1-based line, or empty. */
    public record Line(String value, int number) {}

    public static Optional<Line> lookup(String text, String key) {
        int number = 0;
        for (String raw : text.split("\n", -1)) {
            number++;
            String line = raw.strip();
            if (!line.startsWith(key)) {
                continue;
            }
            String s = line.substring(key.length());
            if (s.isEmpty() || s.charAt(0) != ' ' && s.charAt(0) != '\t') {
                continue;
            }
            int comment = s.indexOf("//");
            if (comment >= 0) {
                s = s.substring(0, comment);
            }
            return Optional.of(new Line(s.strip(), number));
        }
        return Optional.empty();
    }
}
