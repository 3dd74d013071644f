package dev.gosetup.project;

import java.util.Objects;

/**
 * Go's own version rules, as cmd/go's internal/gover has them (ported, not approximated): "1.21" is a language
 * version that sorts before "1.21rc1" and "1.21.0"; before 1.21 a missing patch means .0 ("1.20" == "1.20.0");
 * alpha < beta < rc < release; a malformed version sorts before every valid one. Versions come without the "go"
 * prefix; {@link #fromToolchain} takes a toolchain name ("go1.22.5", "go1.21.1-custom", "gccgo-go1.21").
 */
public final class GoVersions {
    private GoVersions() {}

    /** A parsed version: the numbers kept as decimal strings (as gover does), so no size overflows. */
    record Parsed(String major, String minor, String patch, String kind, String pre) {
        static final Parsed NONE = new Parsed("", "", "", "", "");
    }

    public static int compare(String x, String y) {
        Parsed vx = parse(x);
        Parsed vy = parse(y);
        int c;
        if ((c = cmpInt(vx.major, vy.major)) != 0 || (c = cmpInt(vx.minor, vy.minor)) != 0 || (c = cmpInt(vx.patch, vy.patch)) != 0) {
            return c;
        }
        c = Integer.signum(vx.kind.compareTo(vy.kind)); // "" < alpha < beta < rc: a language version before its prereleases
        if (c != 0) {
            if (!vx.patch.isEmpty()) { // for a patch release: alpha < beta < rc < ""
                if (vx.kind.isEmpty()) {
                    c = 1;
                } else if (vy.kind.isEmpty()) {
                    c = -1;
                }
            }
            return c;
        }
        return cmpInt(vx.pre, vy.pre);
    }

    public static boolean isValid(String x) {
        return !parse(x).equals(Parsed.NONE);
    }

    /** "1.22" (no patch, not a prerelease): the language, whose first release is 1.22.0 from 1.21 on. */
    public static boolean isLang(String x) {
        Parsed v = parse(x);
        return !v.equals(Parsed.NONE) && v.patch.isEmpty() && v.kind.isEmpty() && v.pre.isEmpty();
    }

    /** "1.2.3" → "1.2". */
    public static String lang(String x) {
        Parsed v = parse(x);
        return v.minor.isEmpty() || v.major.equals("1") && v.minor.equals("0") ? v.major : v.major + "." + v.minor;
    }

    /** The version of a toolchain name, "" when it is none (as gover.FromToolchain). */
    public static String fromToolchain(String name) {
        if (name == null || name.contains("/") || name.contains("\\")) {
            return "";
        }
        String v;
        if (name.startsWith("go")) {
            v = name.substring(2);
        } else if (name.contains("-go")) {
            v = name.substring(name.indexOf("-go") + 3);
        } else {
            return "";
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == ' ' || ch == '\t' || ch == '-') {
                v = v.substring(0, i);
                break;
            }
        }
        return isValid(v) ? v : "";
    }

    static Parsed parse(String x) {
        Objects.requireNonNull(x);
        String[] rest = new String[1];
        String major = cutInt(x, rest);
        if (major == null) {
            return Parsed.NONE;
        }
        x = rest[0];
        if (x.isEmpty()) {
            return new Parsed(major, "0", "0", "", "");
        }
        if (x.charAt(0) != '.') {
            return Parsed.NONE;
        }
        String minor = cutInt(x.substring(1), rest);
        if (minor == null) {
            return Parsed.NONE;
        }
        x = rest[0];
        if (x.isEmpty()) {
            return new Parsed(major, minor, cmpInt(minor, "21") < 0 ? "0" : "", "", "");
        }
        if (x.charAt(0) == '.') {
            String patch = cutInt(x.substring(1), rest);
            if (patch == null) {
                return Parsed.NONE;
            }
            x = rest[0];
            if (x.isEmpty()) {
                return new Parsed(major, minor, patch, "", "");
            }
            String[] kp = preRelease(x);
            return kp == null ? Parsed.NONE : new Parsed(major, minor, patch, kp[0], kp[1]);
        }
        String[] kp = preRelease(x);
        return kp == null ? Parsed.NONE : new Parsed(major, minor, "", kp[0], kp[1]);
    }

    private static String[] preRelease(String x) {
        int i = 0;
        while (i < x.length() && (x.charAt(i) < '0' || x.charAt(i) > '9')) {
            if (x.charAt(i) < 'a' || x.charAt(i) > 'z') {
                return null;
            }
            i++;
        }
        if (i == 0) {
            return null;
        }
        String kind = x.substring(0, i);
        x = x.substring(i);
        if (x.isEmpty()) {
            return new String[] {kind, ""};
        }
        String[] rest = new String[1];
        String pre = cutInt(x, rest);
        return pre == null || !rest[0].isEmpty() ? null : new String[] {kind, pre};
    }

    /** The leading decimal number (no needless leading zero), the rest in {@code rest[0]}; null when there is none. */
    private static String cutInt(String x, String[] rest) {
        int i = 0;
        while (i < x.length() && x.charAt(i) >= '0' && x.charAt(i) <= '9') {
            i++;
        }
        if (i == 0 || x.charAt(0) == '0' && i != 1) {
            return null;
        }
        rest[0] = x.substring(i);
        return x.substring(0, i);
    }

    static int cmpInt(String x, String y) {
        if (x.equals(y)) {
            return 0;
        }
        if (x.length() != y.length()) {
            return x.length() < y.length() ? -1 : 1;
        }
        return x.compareTo(y) < 0 ? -1 : 1;
    }
}
