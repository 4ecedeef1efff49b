package dev.rebuildcauses.report.chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Draws the edge cases (no builds, no durations, one build) into a folder, to look at. */
final class EdgeCasePreview {
    private EdgeCasePreview() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/charts-edge");
        Files.createDirectories(dir);
        draw(dir, "empty-", ChartHistories.charts(List.of()));
        draw(dir, "nodur-", ChartHistories.charts(ChartHistories.twoJobsWithoutDurations()));
        draw(
                dir,
                "one-",
                ChartHistories.charts(List.of(ChartHistories.build("a", 1, "2024-01-01T10:00:00Z", 5, "first-build"))));
        draw(dir, "small-", ChartHistories.charts(ChartHistories.twoJobs()));
    }

    private static void draw(Path dir, String prefix, dev.rebuildcauses.analysis.chart.ReportCharts data)
            throws IOException {
        for (ReportChart chart : ReportChartFactory.createAll(data)) {
            Files.write(dir.resolve(prefix + chart.id() + ".png"), chart.png());
        }
    }
}
