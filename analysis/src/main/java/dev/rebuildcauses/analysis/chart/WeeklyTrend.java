package dev.rebuildcauses.analysis.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Chart 4: build hours (builds without durations) per week and cause, as in {@code weekly.csv}
 * (inclusive), stacked. Every week from the first to the last is present, so the time axis has no gaps.
 *
 * @param weeks the Mondays (UTC) starting each ISO week, consecutive
 * @param series one per cause, in the order of {@code causes.csv}
 */
public record WeeklyTrend(Measure measure, List<LocalDate> weeks, List<WeeklySeries> series) implements ChartData {
    public WeeklyTrend {
        weeks = List.copyOf(weeks);
        series = List.copyOf(series);
    }

    @Override
    public String id() {
        return "weekly";
    }

    @Override
    public String title() {
        return measure == Measure.HOURS
                ? "Build hours per week by cause"
                : "Builds per week by cause (no build durations known)";
    }

    @Override
    public String altText() {
        if (weeks.isEmpty()) {
            return "No builds: no weekly trend to show.";
        }
        int busiest = 0;
        double busiestValue = -1;
        for (int week = 0; week < weeks.size(); week++) {
            double sum = 0;
            for (WeeklySeries one : series) {
                sum += one.values().get(week);
            }
            if (sum > busiestValue) {
                busiestValue = sum;
                busiest = week;
            }
        }
        return String.format(
                "%d weeks from %s to %s; the busiest is the week of %s with %s %s counted by cause "
                        + "(a build with several causes counts under each).",
                weeks.size(),
                weeks.get(0),
                weeks.get(weeks.size() - 1),
                weeks.get(busiest),
                Cells.measure(measure, busiestValue),
                measure.label());
    }

    @Override
    public DataTable table() {
        List<String> header = new ArrayList<>();
        header.add("week");
        series.forEach(one -> header.add(one.cause()));
        List<List<String>> rows = new ArrayList<>();
        for (int week = 0; week < weeks.size(); week++) {
            List<String> row = new ArrayList<>();
            row.add(weeks.get(week).toString());
            for (WeeklySeries one : series) {
                row.add(Cells.measure(measure, one.values().get(week)));
            }
            rows.add(row);
        }
        return new DataTable(header, rows);
    }

    @Override
    public boolean isEmpty() {
        return weeks.isEmpty();
    }
}
