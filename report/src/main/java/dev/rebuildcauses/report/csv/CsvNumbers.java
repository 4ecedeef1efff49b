package dev.rebuildcauses.report.csv;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How numbers and times look in the CSV exports: fixed decimals, {@link Locale#ROOT}, unknown as an empty cell. */
public final class CsvNumbers {
    private CsvNumbers() {}

    /** A fraction in [0,1] with 4 decimals. */
    public static String share(Double value) {
        return fixed(value, 4);
    }

    public static String hours(Double value) {
        return fixed(value, 2);
    }

    public static String minutes(Double value) {
        return fixed(value, 2);
    }

    public static String days(Double value) {
        return fixed(value, 1);
    }

    public static String count(long value) {
        return Long.toString(value);
    }

    /** ISO-8601 in UTC to the second, e.g. {@code 2026-01-05T10:00:00Z}. */
    public static String instant(Instant value) {
        if (value == null) {
            return "";
        }
        long seconds = value.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        if (date.getYear() < 1000 || date.getYear() > 9999) {
            return value.truncatedTo(ChronoUnit.SECONDS).toString();
        }
        // by hand: DateTimeFormatter costs more than the rest of a builds.csv row
        int second = (int) Math.floorMod(seconds, 86_400);
        char[] text = "0000-00-00T00:00:00Z".toCharArray();
        digits(text, 0, date.getYear(), 4);
        digits(text, 5, date.getMonthValue(), 2);
        digits(text, 8, date.getDayOfMonth(), 2);
        digits(text, 11, second / 3600, 2);
        digits(text, 14, second / 60 % 60, 2);
        digits(text, 17, second % 60, 2);
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Whole seconds, rounded half up. */
    public static String seconds(Duration value) {
        if (value == null) {
            return "";
        }
        return Long.toString(Math.floorDiv(value.toMillis() + 500, 1000));
    }

    private static String fixed(Double value, int decimals) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
