package dev.gosetup.i18n;

import dev.gosetup.host.Note;
import dev.gosetup.secrets.Redaction;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
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

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale);
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
     * The text for a key, with {0}-style arguments filled in; a credential in an argument (a mirror URL
     * with a password, an exception's message) is masked, so no face shows one.
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
        return Redaction.redact(new MessageFormat(pattern, locale).format(args));
    }

    public String note(Note note) {
        return get(note.code(), note.args().toArray());
    }
}
