package dev.gosetup.files;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A PATH value read as the untrusted text it is. Installers and users leave quoted entries, stray quotes and
 * trailing spaces in the Windows Path; {@code Path.of} throws on them there, and one bad entry must not stop
 * {@code list}, {@code doctor} or the Installed page. The rules are those of the programs that search PATH:
 * <ul>
 *   <li>Windows: Go's {@code filepath.SplitList} (path_windows.go) — a {@code "} toggles quoting, {@code ;} outside
 *   quotes separates, then every quote is removed — and Win32 path normalisation, which drops trailing spaces and
 *   dots from a name ({@code C:\Program Files } is {@code C:\Program Files}); an entry with a character no Windows
 *   path may hold ({@code <>|?*}, control characters, a {@code :} past the drive) is unusable.</li>
 *   <li>POSIX: split at {@code :}; an entry is the bytes between, nothing trimmed (a space is a legal name).</li>
 * </ul>
 * Empty entries are skipped: they are "the current folder" to a POSIX shell, never where an installed Go is.
 */
public final class PathList {
    /** One entry as written, and the folder it names when it can name one. */
    public record Entry(String raw, Optional<Path> dir) {
        public boolean usable() {
            return dir.isPresent();
        }
    }

    private final List<Entry> entries;

    private PathList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static PathList parse(String value, boolean windows) {
        List<Entry> out = new ArrayList<>();
        for (String raw : windows ? splitWindows(value == null ? "" : value) : splitPosix(value == null ? "" : value)) {
            String cleaned = windows ? windowsName(raw.replace("\"", "")) : raw;
            if (cleaned.isEmpty()) {
                continue;
            }
            out.add(new Entry(raw, windows && !validOnWindows(cleaned) ? Optional.empty() : toPath(cleaned)));
        }
        return new PathList(out);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The folders, in PATH order. */
    public List<Path> dirs() {
        return entries.stream().flatMap(e -> e.dir().stream()).toList();
    }

    /** The entries as folders' names, in PATH order (cleaned: unquoted, trimmed), for text comparisons. */
    public List<String> names() {
        return dirs().stream().map(Path::toString).toList();
    }

    /** What cannot be a folder, as written: for the doctor to show. */
    public List<String> unusable() {
        return entries.stream().filter(e -> !e.usable()).map(Entry::raw).toList();
    }

    private static List<String> splitPosix(String value) {
        return List.of(value.split(":", -1));
    }

    private static List<String> splitWindows(String value) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        return parts;
    }

    /**
     * Win32 normalisation of the last name: trailing spaces and dots go, except that a last name of only dots
     * ({@code .}, {@code ..}) is a step, not a name. Leading spaces stay (rare, and then part of a real name).
     */
    private static String windowsName(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        String trimmed = s.substring(0, end);
        String last = trimmed.substring(Math.max(trimmed.lastIndexOf('\\'), trimmed.lastIndexOf('/')) + 1);
        if (!last.isEmpty() && last.chars().allMatch(c -> c == '.')) {
            return trimmed;
        }
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '.')) {
            end--;
        }
        return s.substring(0, end).isBlank() ? "" : s.substring(0, end);
    }

    private static boolean validOnWindows(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || "<>|?*".indexOf(c) >= 0 || c == ':' && i != 1) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Path> toPath(String s) {
        try {
            return Optional.of(Path.of(s));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
