package dev.rebuildcauses.harvest.config;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which builds an export reads, relative to the time it runs: {@code last 30 days}, {@code last 12
 * weeks}, {@code last 6 months}, {@code last 24 hours}, or {@code all}.
 *
 * @param amount how many units back; {@code 0} for all builds
 * @param unit hours, days, weeks or months; {@code null} for all builds
 */
public record ExportWindow(int amount, ChronoUnit unit) {
    /** Every build in the store. */
    public static final ExportWindow ALL = new ExportWindow(0, null);

    private static final Pattern LAST = Pattern.compile("last\\s+(\\d{1,5})\\s+(hour|day|week|month)s?");

    /** Reads {@code text}; the failure's message says what is expected, the caller adds the key. */
    public static ExportWindow parse(String text) throws ConfigException {
        String normal = text.trim().toLowerCase(Locale.ROOT);
        if (normal.equals("all")) {
            return ALL;
        }
        Matcher matcher = LAST.matcher(normal);
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) == 0) {
            throw new ConfigException("expected 'all' or 'last N days' (or hours, weeks, months; N at least 1), "
                    + "e.g. 'last 30 days', but found '" + text + "'");
        }
        ChronoUnit unit =
                switch (matcher.group(2)) {
                    case "hour" -> ChronoUnit.HOURS;
                    case "day" -> ChronoUnit.DAYS;
                    case "week" -> ChronoUnit.WEEKS;
                    default -> ChronoUnit.MONTHS;
                };
        return new ExportWindow(Integer.parseInt(matcher.group(1)), unit);
    }

    /** The first start time included when the export runs at {@code now}; empty for all builds. */
    public Optional<Instant> since(Instant now) {
        if (unit == null) {
            return Optional.empty();
        }
        // months and weeks counted on the UTC calendar, so "last 1 months" on 31 March starts on 28/29 February
        return Optional.of(now.atOffset(ZoneOffset.UTC).minus(amount, unit).toInstant());
    }

    @Override
    public String toString() {
        return unit == null ? "all" : "last " + amount + " " + unit.toString().toLowerCase(Locale.ROOT);
    }
}
