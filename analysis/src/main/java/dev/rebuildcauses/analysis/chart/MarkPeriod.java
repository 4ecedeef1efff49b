package dev.rebuildcauses.analysis.chart;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** How long a period one mark of the cadence chart groups, chosen by the history's length so marks stay few. */
public enum MarkPeriod {
    DAY,
    WEEK,
    MONTH;

    /** Days per mark up to half a year, weeks up to three years, months beyond. */
    static MarkPeriod forSpan(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days <= 183) {
            return DAY;
        }
        return days <= 1096 ? WEEK : MONTH;
    }

    /** The first day of the period holding {@code day}: the day, its Monday, or the first of its month. */
    LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.minusDays(day.getDayOfWeek().getValue() - 1L);
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The period's name in lower case, e.g. {@code week}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
