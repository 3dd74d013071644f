package dev.gosetup.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Values the engine passes (sizes, dates, times) come out the reader's way, not the programmer's. */
class LocalizedArgumentsTest {
    private final Messages en = Messages.of(Language.ENGLISH);
    private final Messages zh = Messages.of(Language.SIMPLIFIED_CHINESE);

    @Test
    void smallSizesAreCountedInTheLanguagesWordForBytes() {
        assertThat(en.get("error.io.fileSystem", "size", new ByteSize(512))).isEqualTo("The system could not use size: 512 bytes");
        assertThat(en.get("error.io.fileSystem", "size", new ByteSize(1))).isEqualTo("The system could not use size: 1 byte");
        assertThat(zh.get("error.io.fileSystem", "大小", new ByteSize(512))).isEqualTo("系统无法使用 大小：512 字节");
        assertThat(zh.get("error.io.fileSystem", "大小", new ByteSize(67_400_000))).isEqualTo("系统无法使用 大小：67.4 MB");
        assertThat(en.get("error.io.fileSystem", "size", new ByteSize(1_234_567_890_000L))).isEqualTo("The system could not use size: 1.2 TB");
    }

    @Test
    void datesAndTimesAreWrittenAsTheLocaleWritesThem() {
        Instant instant = Instant.parse("2026-12-03T02:40:00Z");
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertThat(Dates.format(instant, Locale.SIMPLIFIED_CHINESE, shanghai)).contains("2026年12月3日").contains("10:40");
        assertThat(Dates.format(instant, Locale.ENGLISH, shanghai)).contains("Dec 3, 2026").contains("10:40");
        assertThat(Dates.format(LocalDate.of(2026, 2, 9), Locale.SIMPLIFIED_CHINESE, shanghai)).isEqualTo("2026年2月9日");
        assertThat(zh.get("error.io.fileSystem", "日期", LocalDate.of(2026, 2, 9))).isEqualTo("系统无法使用 日期：2026年2月9日");
        assertThat(en.get("error.io.fileSystem", "date", LocalDate.of(2026, 2, 9))).isEqualTo("The system could not use date: Feb 9, 2026");
    }

    @Test
    void fractionsAndDecimalsFollowTheBundlesPatterns() {
        assertThat(zh.get("cli.progress.known", 0.37, new ByteSize(24_000_000), new ByteSize(64_300_000), new ByteSize(5_100_000), "00:08"))
                .isEqualTo("37%  24 MB / 64.3 MB  5.1 MB/秒  剩余 00:08");
        assertThat(en.get("cli.env.verify.heading", 1.26)).contains("1.3 s");
        assertThat(en.get("cli.env.verify.heading", 0.04)).as("not '0 s'").contains("under 0.1 s");
        assertThat(zh.get("cli.env.verify.heading", 0.04)).contains("不到 0.1 秒");
        assertThat(zh.get("cli.doctor.verify.heading", 2.0)).contains("2.0 秒");
    }
}
