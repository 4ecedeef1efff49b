package dev.rebuildcauses.report.csv;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How numbers and times look in the CSV exports: fixed decimals, {@link Locale#ROOT}, unknown as an empty cell. */
final class CsvNumbers {
    private CsvNumbers() {}

    /** A fraction in [0,1] with 4 decimals. */
    static String share(Double value) {
        return fixed(value, 4);
    }

    static String hours(Double value) {
        return fixed(value, 2);
    }

    static String minutes(Double value) {
        return fixed(value, 2);
    }

    static String days(Double value) {
        return fixed(value, 1);
    }

    static String count(long value) {
        return Long.toString(value);
    }

    /** ISO-8601 in UTC to the second, e.g. {@code 2026-01-05T10:00:00Z}. */
    static String instant(Instant value) {
        return value == null ? "" : value.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Whole seconds, rounded half up. */
    static String seconds(Duration value) {
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
