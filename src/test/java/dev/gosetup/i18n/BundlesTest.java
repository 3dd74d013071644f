package dev.gosetup.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages say everything, and every key the code asks for exists. */
class BundlesTest {
    private static final Pattern KEY_LITERAL = Pattern.compile(
            "\"((?:note|host|setup|nav|cli|error|common|settings|versions|health|app|env|install)\\.[A-Za-z0-9.\\-]*[A-Za-z0-9])\"");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/dev/gosetup/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseHasExactlyTheEnglishKeys() throws IOException {
        Set<Object> en = new TreeSet<>(load("messages.properties").keySet());
        Set<Object> zh = new TreeSet<>(load("messages_zh_CN.properties").keySet());
        assertThat(zh).containsExactlyElementsOf(en);
        assertThat(load("messages_en.properties")).isEmpty();
    }

    @Test
    void chineseIsActuallyTranslated() throws IOException {
        Properties zh = load("messages_zh_CN.properties");
        long cjk = zh.values().stream().filter(v -> v.toString().codePoints().anyMatch(Character::isIdeographic)).count();
        assertThat(cjk).isGreaterThan(zh.size() * 8L / 10);
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Properties en = load("messages.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1);
                    if (!key.matches(".*\\.(json|properties|txt|log|sh|fish|ps1)") && !en.containsKey(key) && !isPrefix(en, key)) {
                        missing.add(key + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        for (String translator : new String[] {"rosetta2", "windows-emulation", "emulator"}) {
            for (String prefix : new String[] {"host.translated.", "host.fact.translatedBy."}) {
                if (!en.containsKey(prefix + translator)) {
                    missing.add(prefix + translator);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static boolean isPrefix(Properties en, String key) {
        return en.keySet().stream().anyMatch(k -> k.toString().startsWith(key + "."));
    }

    /** MessageFormat eats a lone apostrophe ("Go's" shows as "Gos"): in these patterns it must be doubled. */
    /** "1 project(s)" reads as a form, not a sentence: counts choose the word (MessageFormat's choice). */
    @Test
    void englishCountsChooseTheirPluralInsteadOfWritingParenthesisS() throws IOException {
        Properties en = load("messages.properties");
        assertThat(en.stringPropertyNames().stream().filter(k -> en.getProperty(k).matches("(?s).*[a-z]\\(s\\).*")).sorted())
                .isEmpty();
    }

    @Test
    void apostrophesInMessageFormatPatternsAreDoubled() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_zh_CN.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                boolean printf = key.startsWith("gosetup.") || key.startsWith("usage.") || key.equals("help") || key.equals("version");
                if (!printf) {
                    assertThat(p.getProperty(key).replace("''", "")).as(bundle + " " + key).doesNotContain("'");
                }
            }
        }
    }

    @Test
    void everyDynamicKeyExists() throws IOException {
        Properties en = load("messages.properties");
        for (dev.gosetup.shell.Conflict.Kind kind : dev.gosetup.shell.Conflict.Kind.values()) {
            assertThat(en).containsKey("env.conflict." + kind.name());
        }
        for (dev.gosetup.shell.Shell shell : dev.gosetup.shell.Shell.values()) {
            assertThat(en).containsKey("setup.env.shell." + shell.id);
        }
        for (dev.gosetup.shell.StartupFiles.Kind kind : dev.gosetup.shell.StartupFiles.Kind.values()) {
            assertThat(en).containsKey("startup.unusable." + kind.name() + ".title").containsKey("startup.unusable." + kind.name() + ".detail");
        }
        for (dev.gosetup.mirror.MirrorPlan.State state : dev.gosetup.mirror.MirrorPlan.State.values()) {
            assertThat(en).containsKey("cli.mirror.state." + state.name());
        }
        for (dev.gosetup.mirror.MirrorVerifier.Kind kind : dev.gosetup.mirror.MirrorVerifier.Kind.values()) {
            if (kind != dev.gosetup.mirror.MirrorVerifier.Kind.OK) { // an intact archive is said by cli.mirror.verify.ok
                assertThat(en).containsKey("cli.mirror.verify.kind." + kind.name());
            }
        }
    }

    @Test
    void englishNeverFallsBackToTheOsLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(Messages.of(Language.ENGLISH).get("nav.settings")).isEqualTo("Settings");
            assertThat(Messages.of(Language.SYSTEM).get("nav.settings")).isEqualTo("设置");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void posixVariablesSpeakWhenTheJvmFellBackToEnglish() {
        assertThat(Language.systemLocale(Locale.ENGLISH, java.util.Map.of("LANG", "zh_CN.UTF-8"))).isEqualTo(Locale.forLanguageTag("zh-CN"));
        assertThat(Language.systemLocale(Locale.ENGLISH, java.util.Map.of("LC_ALL", "C", "LANG", "zh_CN.UTF-8"))).isEqualTo(Locale.ENGLISH);
        assertThat(Language.systemLocale(Locale.GERMANY, java.util.Map.of("LANG", "zh_CN.UTF-8"))).isEqualTo(Locale.GERMANY);
    }

    @Test
    void systemLanguageFollowsTheOs() {
        assertThat(Language.forSystem(Locale.forLanguageTag("zh-CN"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Language.forSystem(Locale.forLanguageTag("zh-Hans-SG"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Language.forSystem(Locale.forLanguageTag("zh-TW"))).isEqualTo(Locale.ENGLISH);
        assertThat(Language.forSystem(Locale.forLanguageTag("de-DE"))).isEqualTo(Locale.ENGLISH);
    }
}
