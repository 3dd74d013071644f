package dev.gosetup.secrets;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks credentials in text before it leaves the process: the password of {@code scheme://user:password@host}
 * becomes {@code ***} ({@code https://user:***@host/}), and so does a token given alone as the user
 * ({@code https://token@host/} becomes {@code https://***@host/}); the same for a proxy written without a
 * scheme ({@code user:password@proxy:3128}, as HTTPS_PROXY allows). Applied where text goes out (the
 * command line's output, the log, the window's messages and error view) rather than where it is made, so a
 * message nobody thought about cannot leak one either.
 */
public final class Redaction {
    public static final String MASK = "***";

    /** scheme://user:password@ and scheme://token@ (userinfo ends at the last @ before the host). */
    private static final Pattern URL_USERINFO = Pattern.compile(
            "(?i)(\\b[a-z][a-z0-9+.\\-]*://)([^\\s/?#@:\"'<>]*)(?::([^\\s/?#\"'<>]*))?@(?=[^\\s@/?#\"'<>]*(?:[\\s/?#\"'<>]|$))");
    /** user:password@host:port with no scheme (a proxy setting). The user must not end a word with ':' (a label). */
    private static final Pattern BARE_USERINFO = Pattern.compile(
            "(^|[\\s=,;(\\[\"'])([A-Za-z0-9._~%!$&*+-]+):([^\\s/?#@\"'<>]+)@(?=[A-Za-z0-9\\[])");

    private Redaction() {}

    /** {@code text} with every credential masked; null stays null. */
    public static String redact(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher m = URL_USERINFO.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            String shown = m.group(3) != null ? m.group(1) + m.group(2) + ":" + MASK + "@" : m.group(1) + MASK + "@";
            m.appendReplacement(sb, Matcher.quoteReplacement(shown));
        }
        m.appendTail(sb);
        return BARE_USERINFO.matcher(sb).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + r.group(2) + ":" + MASK + "@"));
    }

    /** {@link #redact} for any object's text (a URI, an exception). */
    public static String redact(Object value) {
        return value == null ? null : redact(value.toString());
    }

    /**
     * A writer that masks what passes through it, a line at a time: a credential is never cut in two
     * between writes. What is held back goes out at the end of each line and at every flush.
     */
    public static Writer writer(Writer out) {
        return new FilterWriter(out) {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(int c) throws IOException {
                synchronized (lock) {
                    line.append((char) c);
                    if (c == '\n') {
                        emit();
                    }
                }
            }

            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                write(new String(buf, off, len), 0, len);
            }

            @Override
            public void write(String str, int off, int len) throws IOException {
                synchronized (lock) {
                    line.append(str, off, off + len);
                    if (str.lastIndexOf('\n', off + len - 1) >= off) {
                        emit();
                    }
                }
            }

            @Override
            public void flush() throws IOException {
                synchronized (lock) {
                    emit();
                    out.flush();
                }
            }

            @Override
            public void close() throws IOException {
                synchronized (lock) {
                    emit();
                    out.close();
                }
            }

            private void emit() throws IOException {
                if (!line.isEmpty()) {
                    out.write(redact(line.toString()));
                    line.setLength(0);
                }
            }
        };
    }
}
