package dev.gosetup.i18n;

import java.util.Locale;

/** The languages the app speaks. SYSTEM follows the OS locale. */
public enum Language {
    SYSTEM(null),
    ENGLISH(Locale.ENGLISH),
    SIMPLIFIED_CHINESE(Locale.SIMPLIFIED_CHINESE);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    /** The locale to use: this language's, or for SYSTEM the best match for the system's (see {@link SystemLocale}). */
    public Locale locale() {
        return locale != null ? locale : forSystem(SystemLocale.current());
    }

    /** The POSIX rule of {@link SystemLocale} (kept for the tests that call it by this name). */
    static Locale systemLocale(Locale jvm, java.util.Map<String, String> env) {
        return SystemLocale.posix(jvm, env);
    }

    /** The app's language for a system locale (what {@link #locale()} gives for SYSTEM). */
    public static Locale forSystemLocale(Locale os) {
        return forSystem(os);
    }

    /**
     * zh, zh-CN, zh-SG, zh-MY and zh-Hans-* read Simplified Chinese. zh-TW, zh-HK, zh-MO and zh-Hant-* are
     * Traditional Chinese, which the app does not speak yet: English, not Simplified characters a Taiwanese or
     * Hong Kong reader would find foreign (a Traditional bundle would be added here). Everything else English.
     */
    static Locale forSystem(Locale os) {
        if ("zh".equals(os.getLanguage())) {
            boolean traditional = "Hant".equals(os.getScript())
                    || (os.getScript().isEmpty() && java.util.Set.of("TW", "HK", "MO").contains(os.getCountry()));
            if (!traditional) {
                return Locale.SIMPLIFIED_CHINESE;
            }
        }
        return Locale.ENGLISH;
    }

    /** The settings value ("system", "en", "zh-CN"). */
    public String tag() {
        return locale == null ? "system" : locale.toLanguageTag();
    }

    public static Language fromTag(String tag) {
        if (tag == null) {
            return SYSTEM;
        }
        for (Language l : values()) {
            if (l.tag().equalsIgnoreCase(tag)) {
                return l;
            }
        }
        return SYSTEM;
    }
}
