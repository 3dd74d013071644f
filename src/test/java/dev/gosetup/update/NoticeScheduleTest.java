package dev.gosetup.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** At most once a day, by a clock the test sets; a broken or future note means "check now". */
class NoticeScheduleTest {
    @TempDir
    Path config;

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    @Test
    void dueOnceADay() {
        Instant monday = Instant.parse("2026-12-07T08:00:00Z");
        NoticeSchedule first = new NoticeSchedule(config, at(monday));
        assertThat(first.due()).isTrue();
        first.markChecked();
        assertThat(new NoticeSchedule(config, at(monday.plus(Duration.ofHours(23)))).due()).isFalse();
        assertThat(new NoticeSchedule(config, at(monday.plus(Duration.ofHours(24)))).due()).isTrue();
        assertThat(new NoticeSchedule(config, at(monday)).lastCheck()).contains(monday);
    }

    @Test
    void garbageOrAFutureTimeMeansDue() throws Exception {
        Instant now = Instant.parse("2026-12-07T08:00:00Z");
        Files.writeString(config.resolve(NoticeSchedule.FILE), "{\"lastCheck\": \"yesterday-ish\"}");
        assertThat(new NoticeSchedule(config, at(now)).due()).isTrue();
        Files.write(config.resolve(NoticeSchedule.FILE), new byte[] {0, (byte) 0xff, '{', '['});
        assertThat(new NoticeSchedule(config, at(now)).due()).isTrue();
        Files.writeString(config.resolve(NoticeSchedule.FILE), "{\"lastCheck\": \"2027-06-01T00:00:00Z\"}");
        assertThat(new NoticeSchedule(config, at(now)).due()).as("a clock set back").isTrue();
        new NoticeSchedule(config, at(now)).markChecked();
        assertThat(new NoticeSchedule(config, at(now.plusSeconds(60))).due()).isFalse();
    }
}
