package dev.gosetup.shell;

import dev.gosetup.i18n.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A line the shell code has to say that is not a problem (a line of the Windows environment's diff, a note from an
 * undo): a bundle key and its facts, worded by the face in the user's language.
 */
public record ShellText(String key, List<Object> args) implements Text {
    public ShellText {
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    static ShellText of(String key, Object... args) {
        return new ShellText(key, Arrays.asList(args));
    }
}
