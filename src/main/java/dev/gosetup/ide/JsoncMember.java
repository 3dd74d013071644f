package dev.gosetup.ide;

import java.util.Optional;

/**
 * Finds where one top-level member of a VS Code settings file (JSON with comments and trailing commas) is, as
 * character offsets into the file's text read one char per byte (ISO-8859-1), so that an edit can change
 * exactly the value's bytes and keep every other byte. It only locates; reading values is Jackson's job
 * ({@link VsCodeSettings}), and an edit is made only where both agree.
 *
 * <p>Duplicate keys: the last one counts, as in VS Code (its parser builds a JavaScript object) and Jackson's
 * tree. A key inside a nested object (a {@code "[go]"} language block), a string or a comment is not the member.
 */
public final class JsoncMember {
    /** Where the top-level object is and, when the key is there, its (last) value. */
    public record Found(int open, int close, int valueStart, int valueEnd, boolean hasMembers, String indent) {
        public boolean present() {
            return valueStart >= 0;
        }
    }

    private final String text;
    private int pos;

    private JsoncMember(String text) {
        this.text = text;
    }

    /**
     * @param text the file as one char per byte; a UTF-8 byte-order mark at the start is skipped
     * @return empty when the text is not one JSONC object (then nothing is edited)
     */
    public static Optional<Found> locate(String text, String key) {
        try {
            return Optional.of(new JsoncMember(text).find(key));
        } catch (Malformed e) {
            return Optional.empty();
        }
    }

    private static final class Malformed extends Exception {
        Malformed() {
            super(null, null, false, false);
        }
    }

    private Found find(String key) throws Malformed {
        if (text.startsWith("\u00EF\u00BB\u00BF")) {
            pos = 3;
        }
        skipBlank();
        expect('{');
        int open = pos - 1;
        int valueStart = -1;
        int valueEnd = -1;
        boolean members = false;
        String indent = null;
        skipBlank();
        while (peek() != '}') {
            int keyStart = pos;
            String name = string();
            if (indent == null) {
                indent = indentBefore(keyStart);
            }
            members = true;
            skipBlank();
            expect(':');
            skipBlank();
            int start = pos;
            value(0);
            if (name.equals(key)) {
                valueStart = start;
                valueEnd = pos;
            }
            skipBlank();
            if (peek() == ',') {
                pos++;
                skipBlank();
            } else if (peek() != '}') {
                throw new Malformed();
            }
        }
        int close = pos;
        pos++;
        skipBlank();
        if (pos != text.length()) {
            throw new Malformed(); // something after the object: not a settings file we understand
        }
        return new Found(open, close, valueStart, valueEnd, members, indent == null ? "    " : indent);
    }

    /** The spaces and tabs between the start of the key's line and the key, when only those are there. */
    private String indentBefore(int keyStart) {
        int i = keyStart;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return i > 0 && text.charAt(i - 1) == '\n' ? text.substring(i, keyStart) : "    ";
    }

    private void value(int depth) throws Malformed {
        if (depth > 200) {
            throw new Malformed(); // deeper than any settings file; not worth a stack
        }
        char c = peek();
        switch (c) {
            case '"' -> string();
            case '{' -> container('}', depth, true);
            case '[' -> container(']', depth, false);
            default -> {
                int start = pos;
                while (pos < text.length() && isLiteralChar(text.charAt(pos))) {
                    pos++;
                }
                String literal = text.substring(start, pos);
                if (!(literal.equals("true") || literal.equals("false") || literal.equals("null")
                        || literal.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?"))) {
                    throw new Malformed();
                }
            }
        }
    }

    private void container(char end, int depth, boolean object) throws Malformed {
        pos++;
        skipBlank();
        while (peek() != end) {
            if (object) {
                string();
                skipBlank();
                expect(':');
                skipBlank();
            }
            value(depth + 1);
            skipBlank();
            if (peek() == ',') {
                pos++;
                skipBlank();
            } else if (peek() != end) {
                throw new Malformed();
            }
        }
        pos++;
    }

    private static boolean isLiteralChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.';
    }

    /** A JSON string at pos, decoded (escapes resolved; other chars as they are, one per byte). */
    private String string() throws Malformed {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new Malformed();
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new Malformed(); // a raw control character (a newline) cannot be in a JSON string
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw new Malformed();
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw new Malformed();
                    }
                    String hex = text.substring(pos, pos + 4);
                    if (!hex.matches("[0-9a-fA-F]{4}")) {
                        throw new Malformed();
                    }
                    out.append((char) Integer.parseInt(hex, 16));
                    pos += 4;
                }
                default -> throw new Malformed();
            }
        }
    }

    /** Whitespace and comments (// to the end of the line, /* to *&#47;), as VS Code allows them. */
    private void skipBlank() throws Malformed {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '/') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '*') {
                int end = text.indexOf("*/", pos + 2);
                if (end < 0) {
                    throw new Malformed();
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private char peek() throws Malformed {
        if (pos >= text.length()) {
            throw new Malformed();
        }
        return text.charAt(pos);
    }

    private void expect(char c) throws Malformed {
        if (peek() != c) {
            throw new Malformed();
        }
        pos++;
    }
}
