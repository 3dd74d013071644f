package dev.gosetup.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The right language by default: what each OS says, in the forms it says it (see system-languages/SOURCES.md). */
class SystemLocaleTest {
    private static final String LINUX = "Linux";

    private static Locale chosen(String os, Map<String, String> env, List<String> preferred, Locale jvm) {
        return Language.forSystem(SystemLocale.of(os, env, () -> preferred, jvm));
    }

    @Test
    void linuxReadsLcAllThenLcMessagesThenLang() {
        assertThat(chosen(LINUX, Map.of("LANG", "zh_CN.UTF-8"), List.of(), Locale.ENGLISH)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(chosen(LINUX, Map.of("LANG", "zh_SG.UTF-8"), List.of(), Locale.ENGLISH)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(chosen(LINUX, Map.of("LANG", "zh_CN.GB18030"), List.of(), Locale.ENGLISH)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(chosen(LINUX, Map.of("LC_MESSAGES", "zh_CN.UTF-8", "LANG", "en_US.UTF-8"), List.of(), Locale.ENGLISH))
                .as("LC_MESSAGES is the messages' own category").isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(chosen(LINUX, Map.of("LC_ALL", "en_US.UTF-8", "LC_MESSAGES", "zh_CN.UTF-8"), List.of(), Locale.ENGLISH))
                .as("LC_ALL overrides every category").isEqualTo(Locale.ENGLISH);
        assertThat(chosen(LINUX, Map.of("LC_ALL", "C", "LANG", "zh_CN.UTF-8"), List.of(), Locale.ENGLISH)).isEqualTo(Locale.ENGLISH);
        assertThat(chosen(LINUX, Map.of("LC_ALL", "C.UTF-8", "LANG", "zh_CN.UTF-8"), List.of(), Locale.ENGLISH)).isEqualTo(Locale.ENGLISH);
        assertThat(chosen(LINUX, Map.of("LANG", "zh_TW.UTF-8"), List.of(), Locale.ENGLISH))
                .as("Traditional Chinese readers get English until the app speaks Traditional").isEqualTo(Locale.ENGLISH);
        assertThat(chosen(LINUX, Map.of("LANG", "zh_HK.UTF-8"), List.of(), Locale.ENGLISH)).isEqualTo(Locale.ENGLISH);
        assertThat(chosen(LINUX, Map.of(), List.of(), Locale.forLanguageTag("zh-CN"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void linuxHonoursLanguageAsGettextDoesUnlessTheLocaleIsC() {
        assertThat(chosen(LINUX, Map.of("LANG", "en_US.UTF-8", "LANGUAGE", "zh_CN:en_US:en"), List.of(), Locale.ENGLISH))
                .isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(chosen(LINUX, Map.of("LANG", "C", "LANGUAGE", "zh_CN:en"), List.of(), Locale.ENGLISH))
                .as("gettext ignores LANGUAGE when the locale is C").isEqualTo(Locale.ENGLISH);
        assertThat(chosen(LINUX, Map.of("LANGUAGE", "zh_CN"), List.of(), Locale.ENGLISH))
                .as("no locale set is the C locale").isEqualTo(Locale.ENGLISH);
        assertThat(chosen(LINUX, Map.of("LANG", "zh_CN.UTF-8", "LANGUAGE", "en_GB:zh_CN"), List.of(), Locale.ENGLISH))
                .isEqualTo(Locale.ENGLISH);
        assertThat(chosen(LINUX, Map.of("LANG", "zh_CN.UTF-8", "LANGUAGE", ":;rm -rf:"), List.of(), Locale.ENGLISH))
                .as("garbage in LANGUAGE is skipped, LANG still counts").isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void macosReadsTheUsersLanguageListBeforeAnyVariable() throws IOException {
        List<String> simplified = appleLanguages("macos-AppleLanguages-zh-Hans-CN.txt");
        assertThat(simplified).containsExactly("zh-Hans-CN", "en-CN");
        // Finder starts the app with no LANG, a terminal with whatever the build shell had.
        assertThat(chosen("Mac OS X", Map.of(), simplified, Locale.ENGLISH)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(chosen("Mac OS X", Map.of("LANG", "en_US.UTF-8"), simplified, Locale.ENGLISH)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(chosen("Mac OS X", Map.of(), appleLanguages("macos-AppleLanguages-zh-Hant-TW.txt"), Locale.ENGLISH))
                .isEqualTo(Locale.ENGLISH);
        assertThat(chosen("Mac OS X", Map.of("LANG", "zh_CN.UTF-8"), appleLanguages("macos-AppleLanguages-en-US.txt"), Locale.ENGLISH))
                .as("the first of the list wins").isEqualTo(Locale.ENGLISH);
        assertThat(chosen("Mac OS X", Map.of("LANG", "zh_CN.UTF-8"), List.of(), Locale.ENGLISH))
                .as("no list (the native call failed): the variables decide").isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Language.forSystem(SystemLocale.of("Mac OS X", Map.of("LANG", "zh_CN.UTF-8"), () -> {
            throw new UnsatisfiedLinkError("CoreFoundation");
        }, Locale.ENGLISH))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void otherFormsOfSimplifiedChinese() {
        for (String tag : List.of("zh-Hans", "zh_Hans_CN", "zh-Hans-SG", "zh-SG", "zh", "zh-CN")) {
            assertThat(chosen("Windows 11", Map.of(), List.of(tag), Locale.ENGLISH)).as(tag).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        }
        for (String tag : List.of("zh-Hant", "zh-Hant-CN", "zh-TW", "zh-HK", "zh-MO", "ja-JP", "")) {
            assertThat(chosen("Windows 11", Map.of(), List.of(tag), Locale.ENGLISH)).as(tag).isEqualTo(Locale.ENGLISH);
        }
    }

    @Test
    void theChoiceAndTheOverride() {
        assertThat(Language.fromTag("zh-CN").locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Language.fromTag("en").locale()).isEqualTo(Locale.ENGLISH);
        assertThat(Language.fromTag("system")).isEqualTo(Language.SYSTEM);
        assertThat(Language.fromTag("klingon")).as("an unknown saved value follows the system").isEqualTo(Language.SYSTEM);
    }

    /**
     * Under a locale that is not UTF-8 the launcher runs Java under LC_ALL=C.UTF-8 and keeps the user's variables
     * (installer/linux/utf8-locale.sh): the language comes from those, an empty one counting as unset.
     */
    @Test
    void theUsersOwnVariablesWhenTheLauncherChangedTheLocale() {
        Map<String, String> env = Map.of("LC_ALL", "C.UTF-8", "LANGUAGE", "zh_CN:en", "GOSETUP_LOCALE_SAVED", "1",
                "GOSETUP_USER_LC_ALL", "", "GOSETUP_USER_LC_MESSAGES", "", "GOSETUP_USER_LANG", "zh_CN.UTF-8");
        Map<String, String> own = SystemLocale.usersOwn(env);
        assertThat(own).doesNotContainKeys("LC_ALL", "LC_MESSAGES").containsEntry("LANG", "zh_CN.UTF-8");
        assertThat(SystemLocale.posix(Locale.ENGLISH, own)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(SystemLocale.posix(Locale.ENGLISH, env)).as("C.UTF-8 alone would have meant English")
                .isEqualTo(Locale.ENGLISH);
        assertThat(SystemLocale.usersOwn(Map.of("LANG", "de_DE.UTF-8"))).as("not changed: as it is").containsEntry("LANG", "de_DE.UTF-8");
    }

    /** The tags in `defaults read -g AppleLanguages` output: "(", one quoted (or bare) tag per line, ")". */
    static List<String> appleLanguages(String resource) throws IOException {
        try (InputStream in = SystemLocaleTest.class.getResourceAsStream("system-languages/" + resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Arrays.stream(text.split("\n")).map(l -> l.strip().replaceAll("^\"|\",?$|,$", ""))
                    .filter(l -> !l.isEmpty() && !l.equals("(") && !l.equals(")")).toList();
        }
    }
}
