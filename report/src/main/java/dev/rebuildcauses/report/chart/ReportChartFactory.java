package dev.rebuildcauses.report.chart;

import dev.rebuildcauses.analysis.chart.ReportCharts;
import dev.rebuildcauses.analysis.chart.StabilityStrip;
import java.util.ArrayList;
import java.util.List;

/** Every chart of a report, from the data {@code ChartDataMiner} computed, in the order a report shows them. */
public final class ReportChartFactory {
    private ReportChartFactory() {}

    public static List<ReportChart> createAll(ReportCharts data) {
        List<ReportChart> charts = new ArrayList<>();
        charts.add(CauseShareChart.create(data.causeShares()));
        charts.add(DurationChart.create(data.durations()));
        charts.add(UpSetChart.create(data.combinations()));
        charts.add(WeeklyTrendChart.create(data.weekly()));
        charts.add(JobParetoChart.create(data.jobs()));
        charts.add(CadenceChart.create(data.environmentCadence()));
        for (StabilityStrip strip : data.dockerfiles()) {
            charts.add(StabilityChart.create(strip));
        }
        return charts;
    }
}
