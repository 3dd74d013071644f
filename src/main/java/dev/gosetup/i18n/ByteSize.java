package dev.gosetup.i18n;

import java.text.NumberFormat;
import java.util.Locale;

/** A number of bytes as a message argument: shown as "64.3 MB" with the locale's digits and separators. */
public record ByteSize(long bytes) {
    public String format(Locale locale) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(unit == 0 ? 0 : 1);
        return number.format(value) + " " + units[unit];
    }

    @Override
    public String toString() {
        return format(Locale.ENGLISH);
    }
}
