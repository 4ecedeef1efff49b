package dev.rebuildcauses.app;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads {@code --since}/{@code --until}: a day ({@code 2026-03-01}, UTC) or an instant ({@code 2026-03-01T12:00:00Z}). */
final class DateOption {
    private DateOption() {}

    /** The first moment included: the start of the day, or the instant. */
    static Instant since(String text) {
        if (text == null) {
            return null;
        }
        return isDay(text) ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : instant(text, "--since");
    }

    /** The first moment excluded: the end of the day (so the day is included), or the instant. */
    static Instant until(String text) {
        if (text == null) {
            return null;
        }
        return isDay(text)
                ? LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                : instant(text, "--until");
    }

    private static boolean isDay(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Instant instant(String text, String option) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": expected a day like 2026-03-01 or an instant like "
                    + "2026-03-01T12:00:00Z but found '" + text + "'");
        }
    }
}
