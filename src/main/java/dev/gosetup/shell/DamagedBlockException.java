package dev.gosetup.shell;

import dev.gosetup.i18n.Problem;
import dev.gosetup.i18n.ProblemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Our markers are there but not as a pair, or the file cannot be edited without losing bytes: the file is left
 * alone rather than guessed around. What reads the bytes does not know the file's name, so its keys take the file
 * as {0} and it is "?" here; whoever knows the file reports {@link #in(Path)}.
 */
public final class DamagedBlockException extends ProblemException {
    private final String key;
    private final List<Object> facts;

    private DamagedBlockException(String key, Object... facts) {
        super(new Problem(key, withFile(null, facts)));
        this.key = key;
        this.facts = Arrays.asList(facts);
    }

    /** The markers are not one clean pair: {@code lines} are their line numbers ("3, 7"). */
    static DamagedBlockException markers(String lines, String start, String end) {
        return new DamagedBlockException("startup.markers.damaged", lines, start, end);
    }

    /** A UTF-16 byte-order mark over bytes that are not UTF-16: editing would lose bytes. */
    static DamagedBlockException encoding() {
        return new DamagedBlockException("startup.badUtf16");
    }

    /** The line numbers of the damaged markers ("3, 7"), or null when the problem is the file's encoding. */
    public String lines() {
        return key.equals("startup.markers.damaged") ? (String) facts.getFirst() : null;
    }

    /** The same problem, naming the file it is in. */
    public StartupFileException in(Path file) {
        return new StartupFileException(file, new Problem(key, withFile(file, facts.toArray())), this);
    }

    private static List<Object> withFile(Path file, Object[] facts) {
        List<Object> args = new ArrayList<>();
        args.add(file);
        args.addAll(Arrays.asList(facts));
        return args;
    }
}
