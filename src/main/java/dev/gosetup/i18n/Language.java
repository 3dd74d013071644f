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
        return locale != null ? locale : forSystem(systemLocale(Locale.getDefault(), System.getenv()));
    }

    /**
     * The JVM's locale, unless it fell back to English because the OS locale is not installed (a fresh
     * WSL or container with LANG=zh_CN.UTF-8 but no generated locale): then the POSIX variables, in
     * their order of precedence, still say what the user reads.
     */
    static Locale systemLocale(Locale jvm, java.util.Map<String, String> env) {
        if (!"en".equals(jvm.getLanguage()) && !jvm.getLanguage().isEmpty()) {
            return jvm;
        }
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                String tag = value.split("[.@]")[0].replace('_', '-');
                return tag.equals("C") || tag.equals("POSIX") ? jvm : Locale.forLanguageTag(tag);
            }
        }
        return jvm;
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
