package dev.gosetup.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Every user-visible string, from the {@code messages} bundle (English base, {@code _zh_CN} Simplified
 * Chinese). An empty {@code messages_en} exists so that asking for English never falls back to the OS
 * locale's bundle.
 */
public final class Messages {
    public static final String BUNDLE = "dev.gosetup.i18n.messages";
    private static final Logger LOG = Logger.getLogger(Messages.class.getName());

    private final ResourceBundle bundle;
    private final Locale locale;
    /** Applied to every text this gives out; see {@link #maskedBy}. */
    private final UnaryOperator<String> mask;

    private Messages(Locale locale) {
        this(locale, ResourceBundle.getBundle(BUNDLE, locale), UnaryOperator.identity());
    }

    private Messages(Locale locale, ResourceBundle bundle, UnaryOperator<String> mask) {
        this.locale = locale;
        this.bundle = bundle;
        this.mask = mask;
    }

    /**
     * The same words, each text passed through {@code mask} before it is given out: the app start
     * (AppContext) hands in the credential redaction of dev.gosetup.secrets, so a mirror URL with a password
     * in a problem's arguments never reaches a face, while this package depends on nothing of the app's.
     */
    public Messages maskedBy(UnaryOperator<String> mask) {
        return new Messages(locale, bundle, mask);
    }

    public static Messages of(Language language) {
        return new Messages(language.locale());
    }

    public static Messages of(Locale locale) {
        return new Messages(locale);
    }

    public Locale locale() {
        return locale;
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /**
     * The text for a key, with {0}-style arguments filled in, through the {@linkplain #maskedBy mask} (the
     * app's masks credentials in an argument: a mirror URL with a password, an exception's message).
     */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            LOG.warning("Missing message key: " + key);
            return key;
        }
        // Always through MessageFormat, so every pattern in the bundles follows one quoting rule ('' for ').
        return mask.apply(new MessageFormat(pattern, locale).format(localized(args)));
    }

    /** Words for a {@link Text} (a detection note, a finding, a problem) in this language. */
    public String text(Text text) {
        return get(text.key(), text.args().toArray());
    }

    /** What happened, then (on the next line) what to do, when the bundle has advice for this problem. */
    public String describe(Problem problem) {
        String what = text(problem);
        return todo(problem).map(todo -> what + "\n" + todo).orElse(what);
    }

    /** What to do about a problem, if the bundles say. */
    public java.util.Optional<String> todo(Problem problem) {
        return has(problem.todoKey()) ? java.util.Optional.of(get(problem.todoKey(), problem.args().toArray()))
                : java.util.Optional.empty();
    }

    /** Any failure in this language: a {@link Reported} one as its problem; a JDK one by what it is. */
    public String describe(Throwable error) {
        return describe(Problems.of(error));
    }

    private static final class English {
        static final Messages INSTANCE = new Messages(java.util.Locale.ENGLISH);
    }

    /** English: for log files and exception messages, which support reads. */
    public static Messages english() {
        return English.INSTANCE;
    }

    /**
     * Arguments the engine passes as values: sizes, durations, dates and times in this locale's way of
     * writing them (2026年12月3日 10:40 / Dec 3, 2026, 10:40 AM).
     */
    private Object[] localized(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof ByteSize size) {
                // Under 1 KB the unit is a word ("bytes", 字节), which the bundles hold.
                out[i] = Math.abs(size.bytes()) < 1000 ? get("unit.bytes", size.bytes()) : size.format(locale);
            } else if (out[i] instanceof java.time.Duration d) {
                out[i] = get("unit.seconds", d.toMillis() / 1000.0);
            } else if (out[i] instanceof java.time.temporal.TemporalAccessor time && Dates.formattable(time)) {
                out[i] = Dates.format(time, locale);
            } else if (out[i] instanceof Text t) {
                out[i] = text(t);
            } else if (out[i] == null) {
                out[i] = "?";
            }
        }
        return out;
    }
}
