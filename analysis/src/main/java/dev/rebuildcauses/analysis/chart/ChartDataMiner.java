package dev.rebuildcauses.analysis.chart;

import dev.rebuildcauses.analysis.dockerfile.StabilityTable;
import dev.rebuildcauses.analysis.mine.CauseStats;
import dev.rebuildcauses.analysis.mine.CombinationStats;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.mine.WeeklyCauseCount;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the data of every report chart from the builds and their findings. Figures the CSV exports
 * also hold (shares, hours, medians, combinations, weekly counts, cadences) are taken from the
 * {@link Findings}, so a chart never disagrees with a CSV file; the rest comes from one linear pass.
 */
public final class ChartDataMiner {
    /** Combinations drawn in the UpSet chart; the rest are summed in its table. */
    public static final int TOP_COMBINATIONS = 15;
    /** Jobs with their own bar in the Pareto chart; the rest share one. */
    public static final int TOP_JOBS = 20;
    /** Jobs with a row in the cadence chart. */
    public static final int TOP_CADENCE_JOBS = 15;

    private static final double MILLIS_PER_MINUTE = 60_000.0;

    private ChartDataMiner() {}

    /**
     * The data of every chart.
     *
     * @param builds the classified builds the findings were mined from
     * @param findings {@code FindingsMiner.mine(builds)}
     * @param dockerfiles the stability tables of the Dockerfiles to show, possibly none
     */
    public static ReportCharts mine(List<ClassifiedBuild> builds, Findings findings, List<StabilityTable> dockerfiles) {
        Measure measure = findings.totals().hours() != null ? Measure.HOURS : Measure.BUILDS;
        ChartPass pass = new ChartPass(measure == Measure.HOURS);
        for (ClassifiedBuild build : builds) {
            pass.add(build);
        }
        JobCharts jobCharts = new JobCharts(findings, pass, measure);
        return new ReportCharts(
                causeShares(findings, measure),
                durations(findings, pass),
                combinations(findings),
                weekly(findings, measure),
                jobCharts.pareto(),
                jobCharts.cadence(),
                StabilityStrips.of(dockerfiles));
    }

    static CauseShareSeries causeShares(Findings findings, Measure measure) {
        List<CauseShare> shares = findings.causes().stream()
                .map(row -> new CauseShare(row.cause(), row.builds(), row.buildsShare(), row.hours(), row.hoursShare()))
                .toList();
        return new CauseShareSeries(measure, shares);
    }

    static DurationBoxes durations(Findings findings, ChartPass pass) {
        List<DurationBox> boxes = new ArrayList<>();
        for (CauseStats row : findings.causes()) {
            long[] sorted = pass.sortedDurations(row.cause());
            if (row.medianMinutes() == null || sorted.length == 0) {
                continue;
            }
            boxes.add(new DurationBox(
                    row.cause(),
                    sorted.length,
                    sorted[0] / MILLIS_PER_MINUTE,
                    nearestRank(sorted, 10) / MILLIS_PER_MINUTE,
                    nearestRank(sorted, 25) / MILLIS_PER_MINUTE,
                    row.medianMinutes(),
                    nearestRank(sorted, 75) / MILLIS_PER_MINUTE,
                    row.p90Minutes(),
                    sorted[sorted.length - 1] / MILLIS_PER_MINUTE,
                    row.meanMinutes()));
        }
        return new DurationBoxes(boxes, findings.dataQuality().buildsWithoutDuration());
    }

    /** The value at rank ceil(p/100 * n), 1-based, as the findings define p90. */
    static long nearestRank(long[] sorted, int percent) {
        int rank = (int) Math.max(1, (percent * (long) sorted.length + 99) / 100);
        return sorted[rank - 1];
    }

    static UpSetData combinations(Findings findings) {
        List<CombinationStats> sorted = new ArrayList<>(findings.combinations());
        sorted.sort(
                Comparator.comparingLong(CombinationStats::builds).reversed().thenComparing(row -> row.causes()
                        .key()));
        List<UpSetColumn> columns = new ArrayList<>();
        Set<String> shown = new LinkedHashSet<>();
        long otherBuilds = 0;
        Double otherHours = null;
        for (int i = 0; i < sorted.size(); i++) {
            CombinationStats row = sorted.get(i);
            if (i < TOP_COMBINATIONS) {
                columns.add(new UpSetColumn(row.causes().names(), row.builds(), row.hours()));
                shown.addAll(row.causes().names());
            } else {
                otherBuilds += row.builds();
                if (row.hours() != null) {
                    otherHours = (otherHours == null ? 0 : otherHours) + row.hours();
                }
            }
        }
        // matrix rows: the causes shown, most builds first, as UpSet orders its sets
        List<String> causes = findings.causes().stream()
                .filter(row -> shown.contains(row.cause()))
                .sorted(Comparator.comparingLong(CauseStats::builds).reversed().thenComparing(CauseStats::cause))
                .map(CauseStats::cause)
                .toList();
        return new UpSetData(
                causes,
                columns,
                Math.max(0, sorted.size() - TOP_COMBINATIONS),
                otherBuilds,
                otherHours,
                findings.totals().builds());
    }

    static WeeklyTrend weekly(Findings findings, Measure measure) {
        if (findings.weekly().isEmpty()) {
            return new WeeklyTrend(measure, List.of(), List.of());
        }
        LocalDate first = findings.weekly().get(0).weekStart();
        LocalDate last = findings.weekly().get(findings.weekly().size() - 1).weekStart();
        int weeks = (int) ((last.toEpochDay() - first.toEpochDay()) / 7) + 1;
        Map<String, double[]> values = new HashMap<>();
        for (CauseStats row : findings.causes()) {
            values.put(row.cause(), new double[weeks]);
        }
        for (WeeklyCauseCount row : findings.weekly()) {
            int week = (int) ((row.weekStart().toEpochDay() - first.toEpochDay()) / 7);
            double value = measure == Measure.HOURS ? (row.hours() == null ? 0.0 : row.hours()) : row.builds();
            values.computeIfAbsent(row.cause(), cause -> new double[weeks])[week] = value;
        }
        List<LocalDate> days = new ArrayList<>(weeks);
        for (int week = 0; week < weeks; week++) {
            days.add(first.plusWeeks(week));
        }
        List<WeeklySeries> series = new ArrayList<>();
        for (CauseStats row : findings.causes()) {
            double[] perWeek = values.get(row.cause());
            List<Double> list = new ArrayList<>(weeks);
            for (double value : perWeek) {
                list.add(value);
            }
            series.add(new WeeklySeries(row.cause(), list));
        }
        return new WeeklyTrend(measure, days, series);
    }
}
