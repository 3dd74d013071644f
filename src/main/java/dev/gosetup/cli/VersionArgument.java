package dev.gosetup.cli;

import dev.gosetup.i18n.Messages;
import dev.gosetup.release.GoVersion;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The VERSION a user typed, checked before it is used: empty is not "latest", and a number no Go version can
 * have or a text no version is as long as is said to be wrong as such, echoing at most {@link #ECHO}
 * characters of it (a script that passes a whole file by mistake gets one line back, not the file).
 */
final class VersionArgument {
    /** The longest Go version name is "go1.22.10rc10"-like: 40 characters is far beyond any. */
    static final int ECHO = 40;
    /** Go's version numbers are small; nine digits still fit an int, which is all GoVersion keeps. */
    private static final Pattern TOO_MANY_DIGITS = Pattern.compile("\\d{10,}");

    private VersionArgument() {}

    /** What the user typed, stripped, or IllegalArgumentException (exit 2) saying what is wrong with it. */
    static String check(String text, Messages m) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new dev.gosetup.i18n.ProblemArgumentException("cli.version.empty");
        }
        if (s.length() > ECHO) {
            throw new dev.gosetup.i18n.ProblemArgumentException("cli.version.tooLong", excerpt(s), s.length(), ECHO);
        }
        Matcher big = TOO_MANY_DIGITS.matcher(s);
        if (big.find()) {
            throw new dev.gosetup.i18n.ProblemArgumentException("cli.version.tooBig", excerpt(s), big.group());
        }
        return s;
    }

    /** An installed-version argument (use, remove): checked, then it must read as a Go version. */
    static GoVersion parse(String text, Messages m) {
        String s = check(text, m);
        return GoVersion.parse(s).orElseThrow(() -> new dev.gosetup.i18n.ProblemArgumentException("cli.version.notAVersion", excerpt(s)));
    }

    /** At most {@link #ECHO} characters, control characters shown as '?': a message is one readable line. */
    static String excerpt(String s) {
        String head = s.length() > ECHO ? s.substring(0, ECHO) + "…" : s;
        return head.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
