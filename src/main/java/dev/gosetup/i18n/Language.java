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

    /** The locale to use: this language's, or for SYSTEM the best match for the OS locale. */
    public Locale locale() {
        return locale != null ? locale : forSystem(Locale.getDefault());
    }

    /** zh-CN, zh-SG and zh-Hans-* read Simplified Chinese; everything else English (for now). */
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
