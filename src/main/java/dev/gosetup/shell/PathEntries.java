package dev.gosetup.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PATH text the way Windows reads it: entries separated by ';', a %NAME% reference replaced by the
 * variable's value, folders compared without regard to case or a trailing backslash.
 */
final class PathEntries {
    /** The longest value an environment variable may have (SetEnvironmentVariable's limit). */
    static final int MAX_LENGTH = 32767;

    private static final Pattern REFERENCE = Pattern.compile("%([^%]+)%");

    private PathEntries() {}

    /** Every entry, empty ones included, so that text put back together is the text taken apart. */
    static List<String> split(String data) {
        return new ArrayList<>(Arrays.asList(data.split(";", -1)));
    }

    static String join(List<String> entries) {
        return String.join(";", entries);
    }

    /** True when {@code text} holds a %NAME% reference, which only a REG_EXPAND_SZ value expands. */
    static boolean hasReference(String text) {
        return REFERENCE.matcher(text).find();
    }

    /** True when some entry of {@code data} holds a %NAME% reference (a reference never spans a ';'). */
    static boolean anyEntryHasReference(String data) {
        return split(data).stream().anyMatch(PathEntries::hasReference);
    }

    /** Expands references as ExpandEnvironmentStrings does: an unknown name is left as it is, %s and all. */
    static String expand(String text, Function<String, Optional<String>> variables) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.apply(m.group(1)).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /**
     * What an entry names, for finding the same folder written two ways: {@code C:\Users\dev\go\bin\} and
     * {@code %USERPROFILE%\go\bin} are one folder. Windows compares paths case-insensitively.
     */
    static String key(String entry, Function<String, Optional<String>> variables) {
        // Windows takes '/' for '\' in paths: C:\Users\dev/bin (a real user Path has it) is C:\Users\dev\bin.
        String folder = expand(entry, variables).strip().replace('/', '\\');
        if (folder.length() >= 2 && folder.startsWith("\"") && folder.endsWith("\"")) {
            folder = folder.substring(1, folder.length() - 1);
        }
        int end = folder.length();
        while (end > 0 && folder.charAt(end - 1) == '\\') {
            end--;
        }
        return folder.substring(0, end).toUpperCase(Locale.ROOT);
    }
}
