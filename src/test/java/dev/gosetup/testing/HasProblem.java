package dev.gosetup.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.i18n.Reported;
import org.assertj.core.api.ThrowingConsumer;

/**
 * Asserts what an engine failure says as facts (its problem's key and arguments), not its English words:
 * {@code assertThatThrownBy(...).satisfies(HasProblem.key("download.notFound", 404))}.
 */
public final class HasProblem {
    private HasProblem() {
    }

    /** The failure is {@link Reported} with this key, and its arguments include each of {@code args}. */
    public static ThrowingConsumer<Throwable> key(String key, Object... args) {
        return t -> {
            assertThat(t).as("a failure that reports a problem").isInstanceOf(Reported.class);
            Reported r = (Reported) t;
            assertThat(r.problem().key()).as("problem key of " + t).isEqualTo(key);
            if (args.length > 0) {
                assertThat(r.problem().args()).as("arguments of " + r.problem().key()).contains(args);
            }
        };
    }
}
