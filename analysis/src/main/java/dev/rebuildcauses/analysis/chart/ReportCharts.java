package dev.rebuildcauses.analysis.chart;

import java.util.ArrayList;
import java.util.List;

/** The data of every chart of a report, computed once by {@link ChartDataMiner}. */
public record ReportCharts(
        CauseShareSeries causeShares,
        DurationBoxes durations,
        UpSetData combinations,
        WeeklyTrend weekly,
        JobPareto jobs,
        EnvironmentCadence environmentCadence,
        List<StabilityStrip> dockerfiles) {
    public ReportCharts {
        dockerfiles = List.copyOf(dockerfiles);
    }

    /** Every chart's data in the order a report shows them. */
    public List<ChartData> all() {
        List<ChartData> all =
                new ArrayList<>(List.of(causeShares, durations, combinations, weekly, jobs, environmentCadence));
        all.addAll(dockerfiles);
        return all;
    }
}
