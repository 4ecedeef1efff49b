package dev.rebuildcauses.report.chart;

import dev.rebuildcauses.analysis.chart.ChartDataMiner;
import dev.rebuildcauses.analysis.chart.ReportCharts;
import dev.rebuildcauses.analysis.classify.BuildClassifier;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.mine.FindingsMiner;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.synthetic.SyntheticHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Draws every chart of a synthetic history into a folder, to look at: {@code ChartPreview [builds] [dir]}. */
final class ChartPreview {
    private ChartPreview() {}

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/charts");
        BuildClassifier classifier = new BuildClassifier(RuleSet.defaults());
        List<ClassifiedBuild> builds = SyntheticHistory.generate(count, 42).stream()
                .map(classifier::classify)
                .toList();
        Findings findings = FindingsMiner.mine(builds);
        long start = System.nanoTime();
        ReportCharts data = ChartDataMiner.mine(builds, findings, ChartFixtures.dockerfiles());
        System.out.printf("chart data of %d builds: %d ms%n", count, (System.nanoTime() - start) / 1_000_000);
        Files.createDirectories(dir);
        for (ReportChart chart : ReportChartFactory.createAll(data)) {
            long drawStart = System.nanoTime();
            String svg = chart.svg();
            Files.writeString(dir.resolve(chart.id() + ".svg"), svg);
            Files.write(dir.resolve(chart.id() + ".png"), chart.png());
            System.out.printf(
                    "%-40s svg %7d bytes, %4d ms%n",
                    chart.id(), svg.length(), (System.nanoTime() - drawStart) / 1_000_000);
        }
    }
}
