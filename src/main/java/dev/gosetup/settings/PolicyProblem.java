package dev.gosetup.settings;

import dev.gosetup.i18n.Messages;
import dev.gosetup.i18n.Problem;
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

    /** As a {@link Problem}: "FILE, field FIELD: what is wrong" ({@code settings.policy.problem}, what as a nested problem). */
    public Problem problem() {
        return Problem.of("settings.policy.problem", file, field, new Problem(key, args));
    }

    /** "FILE, field FIELD: what is wrong" in the given language. */
    public String describe(Messages messages) {
        return messages.describe(problem());
    }

    /** English, for the log and for exception messages. */
    public String english() {
        return problem().english();
    }
}
