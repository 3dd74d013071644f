package dev.gosetup.release;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Go release version, ordered by Go's rules: go1.21.0 > go1.21rc2 > go1.21rc1 > go1.21beta1 >
 * go1.20.14, and go1.20 == go1.20.0 (the first release of a line was "go1.20" before go1.21).
 *
 * @param name the name as published ("go1.20", "go1.21.0", "go1.22rc1"), used for file names and folders
 */
public record GoVersion(String name, int major, int minor, int patch, String pre, int preNumber)
        implements Comparable<GoVersion> {

    private static final Pattern SYNTAX = Pattern.compile("^(?:go)?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:(beta|rc)(\\d+))?$");
    private static final Comparator<GoVersion> ORDER = Comparator.comparingInt(GoVersion::major)
            .thenComparingInt(GoVersion::minor)
            .thenComparingInt(v -> v.pre == null ? 1 : 0) // a release after its betas and rcs
            .thenComparingInt(GoVersion::patch)
            .thenComparingInt(v -> v.pre == null ? 0 : v.pre.equals("rc") ? 2 : 1)
            .thenComparingInt(GoVersion::preNumber);

    /** "go1.22.5", "1.22.5", "go1.21rc2", "go1.20"; empty when it is not a Go version. */
    public static Optional<GoVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SYNTAX.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int major = Integer.parseInt(m.group(1));
            int minor = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            String pre = m.group(4);
            int preNumber = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            String name = text.strip().startsWith("go") ? text.strip() : "go" + text.strip();
            return Optional.of(new GoVersion(name, major, minor, patch, pre, preNumber));
        } catch (NumberFormatException beyondInt) {
            return Optional.empty(); // found by ReleaseListFuzzTest: a list's "go1.99999999999" threw out of the parser
        }
    }

    /** Whether what a user typed names a minor line ("1.22", "go1.22") rather than one release. */
    public static boolean namesALine(String text) {
        return text != null && text.strip().matches("(go)?\\d+\\.\\d+");
    }

    public boolean isStable() {
        return pre == null;
    }

    /** The minor line, "1.22". */
    public String line() {
        return major + "." + minor;
    }

    /** Same version by Go's rules (go1.20 equals go1.20.0). */
    public boolean sameAs(GoVersion other) {
        return compareTo(other) == 0;
    }

    @Override
    public int compareTo(GoVersion o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return name;
    }
}
