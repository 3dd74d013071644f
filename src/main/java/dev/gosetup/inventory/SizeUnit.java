package dev.gosetup.inventory;

import java.util.Locale;

/**
 * The one way install sizes are shown, in `gosetup list` and on the Installed versions page: MiB (2^20
 * bytes, what du -m and file managers on Linux count), whole numbers rounded half up, one decimal below 10.
 */
public final class SizeUnit {
    public static final String NAME = "MiB";
    private static final double MIB = 1024 * 1024;

    private SizeUnit() {}

    /** "251", "0.2"; "?" when not measured. */
    public static String mib(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        double mib = bytes / MIB;
        return mib < 10 ? String.format(Locale.ROOT, "%.1f", mib) : String.valueOf(Math.round(mib));
    }
}
