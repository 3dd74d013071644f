package dev.gosetup.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A MessageFormat pattern split into text and placeholders, the way MessageFormat reads it: '' is an apostrophe,
 * '…' quotes text (braces included), {…} is a placeholder (nested braces counted). For the guards: which arguments a
 * pattern takes, and which parts a pseudo-locale may change.
 */
public record MessagePattern() {
    /** @param text the part as written in the pattern (quotes kept, so that joining the parts gives the pattern) */
    public record Part(String text, boolean placeholder) {}

    public static List<Part> parse(String pattern) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                text.append(c);
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    text.append('\'');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '{' && !quoted) {
                if (!text.isEmpty()) {
                    parts.add(new Part(text.toString(), false));
                    text.setLength(0);
                }
                int depth = 0;
                int start = i;
                for (; i < pattern.length(); i++) {
                    if (pattern.charAt(i) == '{') {
                        depth++;
                    } else if (pattern.charAt(i) == '}' && --depth == 0) {
                        break;
                    }
                }
                parts.add(new Part(pattern.substring(start, Math.min(i + 1, pattern.length())), true));
            } else {
                text.append(c);
            }
        }
        if (!text.isEmpty()) {
            parts.add(new Part(text.toString(), false));
        }
        return parts;
    }
}
