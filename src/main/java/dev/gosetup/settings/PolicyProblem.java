package dev.gosetup.settings;

import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import java.nio.file.Path;
import java.util.List;

/**
 * One thing wrong with a policy file: which file, which field (a JSON path such as
 * {@code $.allowedGoVersions[1]}), and what, as a message key with its arguments so that each face says it
 * in the user's language.
 */
public record PolicyProblem(Path file, String field, String key, List<Object> args) {

    public PolicyProblem {
        args = List.copyOf(args);
    }

    static PolicyProblem of(Path file, String field, String key, Object... args) {
        return new PolicyProblem(file, field, key, List.of(args));
    }

    /** "FILE, FIELD: what is wrong" in the given language. */
    public String describe(Messages messages) {
        return messages.get("settings.policy.problem", file, field, messages.get(key, args.toArray()));
    }

    /** English, for the log and for exception messages. */
    public String english() {
        return describe(Messages.of(Language.ENGLISH));
    }
}
