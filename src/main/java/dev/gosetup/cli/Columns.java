package dev.gosetup.cli;

/**
 * Padding for the command line's tables by what a terminal shows, not by chars: a CJK character (安装者, 已损坏)
 * takes two columns, so {@code %-10s} would push every Chinese row out of line.
 */
final class Columns {
    private Columns() {}

    /** {@code text} followed by spaces up to {@code width} terminal columns (never cut). */
    static String pad(String text, int width) {
        int shown = width(text);
        return shown >= width ? text : text + " ".repeat(width - shown);
    }

    /** {@code text} preceded by spaces up to {@code width} columns (numbers). */
    static String padLeft(String text, int width) {
        int shown = width(text);
        return shown >= width ? text : " ".repeat(width - shown) + text;
    }

    /** Terminal columns: two for East Asian wide and full-width characters, one for the rest. */
    static int width(String text) {
        int columns = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            columns += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return columns;
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF)
                || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
