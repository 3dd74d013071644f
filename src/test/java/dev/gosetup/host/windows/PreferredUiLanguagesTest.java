package dev.gosetup.host.windows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.SystemLocale;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GetUserPreferredUILanguages' buffer, read as WindowsNativeCalls reads it, decides "system" on Windows. */
class PreferredUiLanguagesTest {
    @Test
    void aSimplifiedChineseWindowsGetsChinese() throws IOException {
        List<String> names = WindowsNativeCalls.languageNames(buffer("windows-GetUserPreferredUILanguages-zh-CN.txt"));
        assertThat(names).containsExactly("zh-CN", "en-US");
        assertThat(Language.forSystemLocale(SystemLocale.of("Windows 11", Map.of(), () -> names, Locale.ENGLISH)))
                .isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aTraditionalChineseWindowsGetsEnglish() throws IOException {
        List<String> names = WindowsNativeCalls.languageNames(buffer("windows-GetUserPreferredUILanguages-zh-TW.txt"));
        assertThat(names).containsExactly("zh-TW");
        assertThat(Language.forSystemLocale(SystemLocale.of("Windows 10", Map.of(), () -> names, Locale.TAIWAN)))
                .isEqualTo(Locale.ENGLISH);
    }

    @Test
    void aBufferWithoutItsEndStillGivesTheNamesInIt() {
        assertThat(WindowsNativeCalls.languageNames("zh-CN\0en-US".toCharArray())).containsExactly("zh-CN");
        assertThat(WindowsNativeCalls.languageNames(new char[0])).isEmpty();
        assertThat(WindowsNativeCalls.languageNames("\0\0".toCharArray())).isEmpty();
    }

    /** The capture, with each written "\0" turned back into the NUL the API writes. */
    private static char[] buffer(String resource) throws IOException {
        try (InputStream in = PreferredUiLanguagesTest.class.getResourceAsStream("/dev/gosetup/i18n/system-languages/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().replace("\\0", "\0").toCharArray();
        }
    }
}
