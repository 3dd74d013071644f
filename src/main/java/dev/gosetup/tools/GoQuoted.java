package dev.gosetup.tools;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Go string literals as strconv.Quote writes them ("…" with escapes, or `raw`), for build settings. */
final class GoQuoted {
    private GoQuoted() {}

    /** The length of the quoted literal at the start of {@code s}, or -1 when it does not close. */
    static int prefixLength(String s) {
        char q = s.charAt(0);
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && q == '"') {
                i++;
            } else if (c == q) {
                return i + 1;
            } else if (c == '\n' && q == '"') {
                return -1;
            }
        }
        return -1;
    }

    /** The text of a whole quoted literal, or empty when it is not one (strconv.Unquote's rules, bytes kept). */
    static Optional<String> unquote(String s) {
        if (s.length() < 2 || s.charAt(s.length() - 1) != s.charAt(0)) {
            return Optional.empty();
        }
        String body = s.substring(1, s.length() - 1);
        if (s.charAt(0) == '`') {
            return body.indexOf('`') >= 0 ? Optional.empty() : Optional.of(body.replace("\r", ""));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '"' || b[i] == '\n') {
                return Optional.empty();
            }
            if (b[i] != '\\') {
                out.write(b[i]);
                continue;
            }
            if (++i >= b.length) {
                return Optional.empty();
            }
            switch (b[i]) {
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case '\\', '"', '\'' -> out.write(b[i]);
                case 'x', 'u', 'U' -> {
                    int digits = b[i] == 'x' ? 2 : b[i] == 'u' ? 4 : 8;
                    long v = 0;
                    for (int d = 1; d <= digits; d++) {
                        if (i + d >= b.length) {
                            return Optional.empty();
                        }
                        int h = Character.digit(b[i + d], 16);
                        if (h < 0) {
                            return Optional.empty();
                        }
                        v = v * 16 + h;
                    }
                    if (b[i] == 'x') {
                        out.write((int) v);
                    } else if (v > Character.MAX_CODE_POINT || (v >= 0xd800 && v <= 0xdfff)) {
                        return Optional.empty();
                    } else {
                        out.writeBytes(new String(Character.toChars((int) v)).getBytes(StandardCharsets.UTF_8));
                    }
                    i += digits;
                }
                default -> {
                    if (b[i] < '0' || b[i] > '7' || i + 2 >= b.length) {
                        return Optional.empty();
                    }
                    int v = 0;
                    for (int d = 0; d < 3; d++) {
                        int o = b[i + d] - '0';
                        if (o < 0 || o > 7) {
                            return Optional.empty();
                        }
                        v = v * 8 + o;
                    }
                    if (v > 255) {
                        return Optional.empty();
                    }
                    out.write(v);
                    i += 2;
                }
            }
        }
        return Optional.of(out.toString(StandardCharsets.UTF_8));
    }
}
