package dev.rebuildcauses.report.html;

import dev.rebuildcauses.report.chart.RenderedChart;
import dev.rebuildcauses.report.pipeline.Report;
import java.util.List;

/** The charts of a report, in the order the HTML report shows them. */
public final class ChartSet {
    private ChartSet() {}

    public static List<RenderedChart> render(Report report) {
        return List.of();
    }
}
