package dev.gosetup.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the system says the user reads, before {@link Language} picks one of the app's languages.
 *
 * <ul>
 *   <li>macOS and Windows: the OS's preferred languages, most preferred first (System Settings' list,
 *       {@code CFLocaleCopyPreferredLanguages}; {@code GetUserPreferredUILanguages}). A GUI app started by
 *       Finder or Explorer has no LANG, or one left over from a build shell; the list is what the user chose.</li>
 *   <li>Linux and other POSIX systems: LC_ALL, LC_MESSAGES, LANG in that precedence, and LANGUAGE's first entry
 *       as GNU gettext reads it (only when that locale is not C/POSIX). The JVM's own locale comes from the
 *       same variables but falls back to English when the locale is not generated (a fresh WSL or container
 *       with LANG=zh_CN.UTF-8): then the variables still say what the user reads.</li>
 * </ul>
 *
 * The OS list is read through a seam the app's start hands in ({@link #useOsPreferredLanguages}); the JNA
 * calls live with the other native calls (host.mac, host.windows), as i18n depends on nothing of the app.
 */
public final class SystemLocale {
    private static volatile Supplier<List<String>> osPreferred = List::of;

    private SystemLocale() {}

    /** Where the OS's preferred languages come from (set once at start; tests and other systems: none). */
    public static void useOsPreferredLanguages(Supplier<List<String>> languages) {
        osPreferred = languages;
    }

    /** This process's system locale. */
    static Locale current() {
        return of(System.getProperty("os.name", ""), usersOwn(System.getenv()), osPreferred, Locale.getDefault());
    }

    /**
     * The environment with the user's own locale variables: where the locale was not UTF-8, the launcher started
     * Java under LC_ALL=C.UTF-8 so that it can name every file of Go's archive, and kept what the user had set in
     * GOSETUP_USER_LC_ALL, _LC_MESSAGES and _LANG (installer/linux/utf8-locale.sh); an empty one was not set.
     */
    static Map<String, String> usersOwn(Map<String, String> env) {
        if (!"1".equals(env.get("GOSETUP_LOCALE_SAVED"))) {
            return env;
        }
        Map<String, String> own = new java.util.HashMap<>(env);
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String saved = env.get("GOSETUP_USER_" + name);
            if (saved == null || saved.isEmpty()) {
                own.remove(name);
            } else {
                own.put(name, saved);
            }
        }
        return own;
    }

    /**
     * @param osName      as {@code os.name} says
     * @param env         the process environment
     * @param osPreferred the OS's preferred languages as BCP 47 tags, most preferred first (macOS, Windows)
     * @param jvm         the JVM's default locale
     */
    public static Locale of(String osName, Map<String, String> env, Supplier<List<String>> osPreferred, Locale jvm) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac") || os.startsWith("windows")) {
            Optional<Locale> preferred = firstOf(safely(osPreferred));
            if (preferred.isPresent()) {
                return preferred.get();
            }
        }
        return posix(jvm, env);
    }

    /**
     * The POSIX rule: LANGUAGE's first entry when the messages locale is set and not C/POSIX (GNU gettext);
     * else the JVM's locale unless it fell back to English; else LC_ALL, LC_MESSAGES, LANG, the first one set.
     */
    static Locale posix(Locale jvm, Map<String, String> env) {
        Optional<String> messagesLocale = firstSet(env, "LC_ALL", "LC_MESSAGES", "LANG");
        boolean plain = messagesLocale.map(SystemLocale::isPlainC).orElse(true);
        if (!plain) {
            String language = env.get("LANGUAGE");
            if (language != null) {
                for (String entry : language.split(":")) {
                    Optional<Locale> first = parse(entry);
                    if (first.isPresent()) {
                        return first.get();
                    }
                }
            }
        }
        if (!jvm.getLanguage().isEmpty() && !"en".equals(jvm.getLanguage())) {
            return jvm;
        }
        if (messagesLocale.isEmpty()) {
            return jvm;
        }
        return plain ? jvm : parse(messagesLocale.get()).orElse(jvm);
    }

    private static List<String> safely(Supplier<List<String>> languages) {
        try {
            List<String> list = languages.get();
            return list == null ? List.of() : list;
        } catch (RuntimeException | LinkageError e) {
            return List.of(); // a failed native call leaves the environment to decide
        }
    }

    private static Optional<Locale> firstOf(List<String> tags) {
        for (String tag : tags) {
            Optional<Locale> locale = parse(tag);
            if (locale.isPresent()) {
                return locale;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }

    private static boolean isPlainC(String value) {
        String name = value.split("[.@]")[0];
        return name.equals("C") || name.equals("POSIX");
    }

    /**
     * A locale from what an OS or a variable writes: zh_CN.UTF-8, zh_CN@pinyin, zh-Hans-CN, zh_Hans_CN (an ICU
     * id), zh-CN. Hostile input (anything that is not a language tag) gives nothing rather than a wrong guess.
     */
    static Optional<Locale> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = raw.strip().split("[.@]")[0].replace('_', '-');
        if (name.isEmpty() || name.length() > 35 || !name.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*") || isPlainC(name)) {
            return Optional.empty();
        }
        Locale locale = Locale.forLanguageTag(name);
        return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale);
    }
}
