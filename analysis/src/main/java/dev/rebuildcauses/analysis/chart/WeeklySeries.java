package dev.rebuildcauses.analysis.chart;

import java.util.List;

/** One cause's value per week, aligned with {@link WeeklyTrend#weeks()}; a week without its builds is 0. */
public record WeeklySeries(String cause, List<Double> values) {
    public WeeklySeries {
        values = List.copyOf(values);
    }
}
