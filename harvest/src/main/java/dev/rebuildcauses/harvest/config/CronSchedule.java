package dev.rebuildcauses.harvest.config;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A cron expression read from the config: five fields as in crontab ({@code minute hour day-of-month
 * month day-of-week}), or six with seconds first (Spring's form, for tests and sub-minute schedules).
 * Parsed by cron-utils; the library's types stay behind this class.
 */
public final class CronSchedule {
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final CronParser WITH_SECONDS =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

    private final String expression;
    private final ExecutionTime executionTime;
    private final String description;

    private CronSchedule(String expression, Cron cron) {
        this.expression = expression;
        this.executionTime = ExecutionTime.forCron(cron);
        this.description = describe(cron);
    }

    /**
     * Parses {@code expression}; the message of a failure says what is wrong and what is expected, but
     * not which key held it (the caller adds that).
     */
    public static CronSchedule parse(String expression) throws ConfigException {
        String trimmed = expression == null ? "" : expression.trim().replaceAll("\\s+", " ");
        int fields = trimmed.isEmpty() ? 0 : trimmed.split(" ").length;
        CronParser parser;
        if (fields == 5) {
            parser = UNIX;
        } else if (fields == 6) {
            parser = WITH_SECONDS;
        } else {
            throw new ConfigException("expected a cron expression of 5 fields (minute hour day-of-month month "
                    + "day-of-week, e.g. \"0 6 * * MON\") or 6 with seconds first, but found " + fields
                    + " field" + (fields == 1 ? "" : "s") + " in '" + trimmed + "'");
        }
        try {
            Cron cron = parser.parse(trimmed).validate();
            return new CronSchedule(trimmed, cron);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("'" + trimmed + "' is not a valid cron expression: " + e.getMessage(), e);
        }
    }

    /** The expression as written (whitespace collapsed). */
    public String expression() {
        return expression;
    }

    /** The schedule in English, e.g. "at 06:00 at Monday day", or the expression when it cannot be described. */
    public String description() {
        return description;
    }

    /** The first time strictly after {@code after} that the schedule fires, in {@code after}'s zone. */
    public Optional<ZonedDateTime> nextAfter(ZonedDateTime after) {
        return executionTime.nextExecution(after);
    }

    private String describe(Cron cron) {
        try {
            return CronDescriptor.instance(Locale.UK).describe(cron);
        } catch (RuntimeException e) {
            // a description is a courtesy for the pages; the schedule itself is valid
            return expression;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronSchedule that && that.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return Objects.hash(expression);
    }

    @Override
    public String toString() {
        return expression;
    }
}
