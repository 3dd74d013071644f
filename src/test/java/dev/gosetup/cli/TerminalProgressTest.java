package dev.gosetup.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gosetup.i18n.Messages;
import dev.gosetup.i18n.Problem;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The terminal's progress line and retry notices: the reason a download is retried is said in the user's language. */
class TerminalProgressTest {
    private static String shown(Locale locale, java.util.function.Consumer<TerminalProgress> use) {
        StringWriter text = new StringWriter();
        use.accept(new TerminalProgress(new PrintWriter(text, true), Messages.of(locale)));
        return text.toString();
    }

    @Test
    void aRetryIsAnnouncedWithItsReasonAndWaitInChinese() {
        String zh = shown(Locale.SIMPLIFIED_CHINESE,
                p -> p.retrying(1, Duration.ofSeconds(2), Problem.of("download.reason.httpStatus", 503, "dl.google.com")));
        assertThat(zh.strip()).isEqualTo("2 秒后重试：dl.google.com 返回 HTTP 503");
    }

    @Test
    void aRetryIsAnnouncedInEnglishWithTheNestedReason() {
        String en = shown(Locale.ENGLISH, p -> p.retrying(2, Duration.ofMillis(1500),
                Problem.of("net.reason.connect", "mirror.example")));
        assertThat(en.strip()).isEqualTo("Retrying in 1.5 s: could not connect to mirror.example; check the network connection "
                + "and the proxy setting");
    }

    @Test
    void sizesAndRatesAreWrittenAsSizes() {
        String line = shown(Locale.ENGLISH, p -> p.bytes(32_000_000, 64_000_000, 2_500_000));
        assertThat(line).contains("50%").contains("32 MB / 64 MB").contains("2.5 MB/s");
    }
}
