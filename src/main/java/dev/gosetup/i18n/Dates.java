package dev.gosetup.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Dates and times as message arguments, in the reader's locale and time zone: an {@link Instant} (a
 * release list's age, a backup's time) the way a clock on this computer shows it, a {@link LocalDate} as a date.
 */
final class Dates {
    private Dates() {}

    static boolean formattable(TemporalAccessor value) {
        return value instanceof Instant || value instanceof LocalDate || value instanceof LocalDateTime
                || value instanceof ZonedDateTime || value instanceof OffsetDateTime;
    }

    static String format(TemporalAccessor value, Locale locale) {
        return format(value, locale, ZoneId.systemDefault());
    }

    static String format(TemporalAccessor value, Locale locale, ZoneId zone) {
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
        }
        DateTimeFormatter dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        return switch (value) {
            case Instant instant -> dateTime.format(instant.atZone(zone));
            case OffsetDateTime offset -> dateTime.format(offset.atZoneSameInstant(zone));
            case ZonedDateTime zoned -> dateTime.format(zoned.withZoneSameInstant(zone));
            default -> dateTime.format(value); // a LocalDateTime is already local
        };
    }
}
