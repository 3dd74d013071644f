package dev.gosetup.shell;

import dev.gosetup.shell.TextFile.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Puts our marked block into a startup file, replaces it in place, and takes it out again, touching no
 * other byte. Markers follow conda's convention. Works on bytes (see {@link TextFile}): CRLF stays CRLF,
 * a BOM stays, invalid UTF-8 stays, and a file without a final newline gets our newline before the
 * block and keeps lacking one after it, so that undo gives back the original byte for byte.
 */
public final class BlockEditor {
    public static final String START = "# >>> gosetup >>>";
    public static final String END = "# <<< gosetup <<<";
    /** Prefix of a user's line we commented out with their consent; undo removes exactly this prefix. */
    public static final String OFF = "# gosetup-off: ";
    static final String HEADER = "# Added by Go Setup Assistant. Undo: gosetup env --undo";

    /** Where a new block goes. Either way it stays above a line that demands to be last (SDKMAN). */
    public enum Placement {
        END_OF_FILE,
        /** Above `case $- in *i*) ;; *) return;; esac` and the like, so `ssh host go build` gets PATH too. */
        BEFORE_INTERACTIVE_GUARD
    }

    /** A line that was one of our markers and is no longer exactly one: "# <<< gosetup <<", "#>>>gosetup". */
    private static final Pattern LOOKS_LIKE_MARKER = Pattern.compile("(?i)#\\s*(>{2,}|<{2,})\\s*gosetup\\b.*");
    private static final Pattern MUST_BE_LAST = Pattern.compile("(?i).*must be at the end of the file.*");
    private static final Pattern GUARD_ONE_LINE = Pattern.compile(
            "\\s*(\\[\\[?\\s*(\"?\\$-\"?\\s*!=\\s*\\*i\\*|-z\\s+\"?\\$PS1\"?)\\s*\\]\\]?\\s*&&\\s*return|"
                    + "if\\s+\\[\\[?\\s*(\"?\\$-\"?\\s*!=\\s*\\*i\\*|-z\\s+\"?\\$PS1\"?)\\s*\\]\\]?\\s*;\\s*then\\s+return).*");
    private static final Pattern GUARD_CASE = Pattern.compile("\\s*case\\s+\"?\\$-\"?\\s+in.*");

    private BlockEditor() {}

    /** The block's place in a file: line indexes of the markers, or absent. */
    record Span(int start, int end) {}

    /** @return our block's span, or null when there is none; throws when the markers are not one clean pair */
    static Span find(TextFile file) throws DamagedBlockException {
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        List<Integer> damaged = new ArrayList<>();
        for (int i = 0; i < file.lines.size(); i++) {
            String t = file.lines.get(i).text().strip();
            if (t.equals(START)) {
                starts.add(i);
            } else if (t.equals(END)) {
                ends.add(i);
            } else if (LOOKS_LIKE_MARKER.matcher(t).matches()) {
                damaged.add(i); // "# <<< gosetup <<" cut short, "#>>> gosetup" — ours, broken
            }
        }
        if (!damaged.isEmpty() || starts.size() > 1 || ends.size() > 1 || starts.size() != ends.size()
                || (!starts.isEmpty() && starts.getFirst() > ends.getFirst())) {
            List<Integer> all = new ArrayList<>(starts);
            all.addAll(ends);
            all.addAll(damaged);
            all.sort(null);
            // line numbers as one text ("3, 7"), not grouped as numbers would be in some locales
            String lines = String.join(", ", all.stream().map(i -> String.valueOf(i + 1)).toList());
            throw DamagedBlockException.markers(lines, START, END);
        }
        return starts.isEmpty() ? null : new Span(starts.getFirst(), ends.getFirst());
    }

    /** True when the file has our block (clean markers). */
    public static boolean hasBlock(byte[] content) throws DamagedBlockException {
        return find(TextFile.parse(content)) != null;
    }

    /**
     * Our block with {@code body} between the markers: replaced in place when there is one, else inserted.
     * Applying the same body again returns the same bytes.
     */
    public static byte[] apply(byte[] original, List<String> body, Placement placement) throws DamagedBlockException {
        TextFile file = TextFile.parse(original);
        Span span = find(file);
        String nl = file.newline();
        List<Line> lines = new ArrayList<>(file.lines);
        List<Line> block = new ArrayList<>();
        block.add(new Line(START, nl));
        block.add(new Line(HEADER, nl));
        for (String b : body) {
            block.add(new Line(file.own(b), nl));
        }
        if (span != null) {
            String lastEnd = lines.get(span.end()).end(); // "" when the block ends the file without a newline
            block.add(new Line(END, lastEnd));
            lines.subList(span.start(), span.end() + 1).clear();
            lines.addAll(span.start(), block);
            return file.with(lines).bytes();
        }
        insert(lines, insertionIndex(file, placement), block, nl);
        return file.with(lines).bytes();
    }

    /**
     * Our block moved (or put) right after line {@code afterLine} (0-based), or at the very end when it is -1:
     * below a line that would otherwise undo it, such as a PATH set from scratch. Undo still gives back the
     * file as it was before our first change, byte for byte.
     */
    public static byte[] placeAfter(byte[] original, List<String> body, int afterLine) throws DamagedBlockException {
        TextFile file = TextFile.parse(original);
        Span span = find(file);
        String nl = file.newline();
        List<Line> lines = new ArrayList<>(file.lines);
        if (afterLine >= lines.size() || span != null && afterLine >= span.start() && afterLine <= span.end()) {
            throw new IllegalArgumentException("line " + (afterLine + 1) + " is not a line outside our block");
        }
        int at = afterLine < 0 ? lines.size() : afterLine + 1;
        if (span != null) {
            remove(file, lines, span);
            if (at > span.end()) {
                at -= span.end() - span.start() + 1;
            }
        }
        List<Line> block = new ArrayList<>();
        block.add(new Line(START, nl));
        block.add(new Line(HEADER, nl));
        for (String b : body) {
            block.add(new Line(file.own(b), nl));
        }
        insert(lines, Math.min(at, lines.size()), block, nl);
        return file.with(lines).bytes();
    }

    /** Inserts the block (without its end marker) at {@code at}, with the end marker that keeps undo exact. */
    private static void insert(List<Line> lines, int at, List<Line> block, String nl) {
        if (at == lines.size() && !lines.isEmpty() && lines.getLast().end().isEmpty()) {
            // No final newline: ours goes before the block, and the block does not end with one either.
            Line last = lines.removeLast();
            lines.add(new Line(last.text(), nl));
            block.add(new Line(END, ""));
        } else {
            block.add(new Line(END, nl));
        }
        lines.addAll(at, block);
    }

    /** Takes our block out of {@code lines}, and the newline we added before it when it ended the file. */
    private static void remove(TextFile file, List<Line> lines, Span span) {
        boolean endedFile = span.end() == lines.size() - 1 && lines.getLast().end().isEmpty();
        lines.subList(span.start(), span.end() + 1).clear();
        if (endedFile && span.start() > 0 && span.start() == lines.size()) {
            // Take off exactly the newline we added in front of the block, byte for byte: a last line that
            // ended in a lone CR became "...\r" + "\n" = CRLF when we added "\n", so the line's parsed
            // ending is not what we added.
            Line before = lines.removeLast();
            String full = before.full();
            String added = full.endsWith(file.newline()) ? file.newline() : "\n";
            lines.add(new Line(full.substring(0, full.length() - added.length()), ""));
        }
    }

    private static int insertionIndex(TextFile file, Placement placement) {
        List<Line> lines = file.lines;
        if (placement == Placement.BEFORE_INTERACTIVE_GUARD) {
            for (int i = 0; i < lines.size(); i++) {
                String t = lines.get(i).text();
                if (GUARD_ONE_LINE.matcher(t).matches() || GUARD_CASE.matcher(t).matches() && caseReturns(lines, i)) {
                    while (i > 0 && lines.get(i - 1).text().strip().startsWith("#")) {
                        i--; // above the guard's own comment ("# If not running interactively, don't do anything")
                    }
                    return i;
                }
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            if (MUST_BE_LAST.matcher(lines.get(i).text()).matches()) {
                return i;
            }
        }
        return lines.size();
    }

    /** `case $- in` whose branches, within the next lines up to esac, return for non-interactive shells. */
    private static boolean caseReturns(List<Line> lines, int caseLine) {
        for (int i = caseLine; i < Math.min(lines.size(), caseLine + 6); i++) {
            String t = lines.get(i).text();
            if (t.contains("return")) {
                return true;
            }
            if (t.contains("esac")) {
                return false;
            }
        }
        return false;
    }

    /**
     * Removes our block and restores lines we commented out. A file without either comes back unchanged.
     */
    public static byte[] undo(byte[] original) throws DamagedBlockException {
        TextFile file = TextFile.parse(original);
        Span span = find(file);
        List<Line> lines = new ArrayList<>(file.lines);
        if (span != null) {
            remove(file, lines, span);
        }
        String off = file.own(OFF);
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.text().startsWith(off)) {
                lines.set(i, new Line(l.text().substring(off.length()), l.end()));
            }
        }
        return file.with(lines).bytes();
    }

    /** Comments out the given lines (0-based), each marked so that {@link #undo} restores it exactly. */
    public static byte[] commentOut(byte[] original, Set<Integer> lineIndexes) throws DamagedBlockException {
        TextFile file = TextFile.parse(original);
        List<Line> lines = new ArrayList<>(file.lines);
        String off = file.own(OFF);
        for (int i : lineIndexes) {
            Line l = lines.get(i);
            if (!l.text().startsWith(off)) {
                lines.set(i, new Line(off + l.text(), l.end()));
            }
        }
        return file.with(lines).bytes();
    }
}
