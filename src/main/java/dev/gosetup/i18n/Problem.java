package dev.gosetup.i18n;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What went wrong, as facts: {@code key} names what happened, {@code args} carry the details. The bundles hold the
 * words: {@code key} (what happened) and, where there is advice, {@code key + ".todo"} (what to do), both with the
 * same arguments. Engine code creates these instead of English sentences; {@link #english()} is for the log.
 */
public record Problem(String key, List<Object> args) implements Text {
    public Problem {
        Objects.requireNonNull(key, "key");
        args = Collections.unmodifiableList(new ArrayList<>(args)); // a null argument (an unknown value) is allowed
    }

    public static Problem of(String key, Object... args) {
        return new Problem(key, java.util.Arrays.asList(args));
    }

    /** The key under which the bundles keep what to do about this problem (it may have none). */
    public String todoKey() {
        return key + ".todo";
    }

    /** English, with the key, for log files and support: "The archive is empty. [archive.empty]". */
    public String english() {
        return Messages.english().describe(this) + " [" + key + "]";
    }

    @Override
    public String toString() {
        return english();
    }
}
