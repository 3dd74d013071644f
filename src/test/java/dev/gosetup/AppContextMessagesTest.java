package dev.gosetup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.i18n.Language;
import dev.gosetup.i18n.Messages;
import dev.gosetup.settings.AppPaths;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * i18n knows nothing of secrets; the start hands it the redaction. Every face's words come from
 * {@link AppContext#messages()}, so a credential in a problem's argument is masked in every language, and
 * still after the language changes.
 */
class AppContextMessagesTest {
    private static final String MIRROR = "https://alex:s3cret-token@mirror.corp.example/go/";

    @TempDir
    Path tmp;

    @Test
    void theFacesWordsMaskCredentialsInEveryLanguage() {
        AppContext context = AppContext.of(new AppPaths(tmp.resolve("config"), tmp.resolve("logs")), null);
        context.useLanguage(Language.ENGLISH);
        String english = context.messages().get("settings.input.url", MIRROR);
        assertThat(english).contains("https://alex:***@mirror.corp.example/go/").doesNotContain("s3cret-token");

        context.apply(context.settings().withLanguage("zh-CN"));
        String chinese = context.messages().get("settings.input.url", MIRROR);
        assertThat(context.messages().locale()).isEqualTo(java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(chinese).contains("https://alex:***@mirror.corp.example/go/").doesNotContain("s3cret-token")
                .isNotEqualTo(english);
    }

    @Test
    void i18nAloneLeavesTextAsItIsAndMasksWhatItIsGiven() {
        Messages plain = Messages.of(Language.ENGLISH);
        assertThat(plain.get("settings.input.url", MIRROR)).contains("s3cret-token");
        assertThat(plain.maskedBy(text -> text.replace("s3cret-token", "#")).get("settings.input.url", MIRROR))
                .contains("alex:#@").doesNotContain("s3cret-token");
    }
}
