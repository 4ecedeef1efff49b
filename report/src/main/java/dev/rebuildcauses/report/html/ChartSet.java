package dev.rebuildcauses.report.html;

import dev.rebuildcauses.analysis.chart.ChartDataMiner;
import dev.rebuildcauses.analysis.dockerfile.StabilityTable;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.report.chart.ChartFiles;
import dev.rebuildcauses.report.chart.RenderedChart;
import dev.rebuildcauses.report.chart.ReportChart;
import dev.rebuildcauses.report.chart.ReportChartFactory;
import dev.rebuildcauses.report.pipeline.DocumentWriter;
import dev.rebuildcauses.report.pipeline.JobDockerfiles;
import dev.rebuildcauses.report.pipeline.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The charts of a report, in the order the HTML report shows them: data mined in analysis, drawn here. */
public final class ChartSet {
    private ChartSet() {}

    /** Every chart of {@code report}, ready to draw. */
    public static List<ReportChart> of(Report report) {
        return of(report, report.builds());
    }

    /**
     * Every chart of {@code report} drawn from {@code builds} instead of the report's own (charts read a
     * build's causes, range status, start and duration, never its commits or files).
     */
    public static List<ReportChart> of(Report report, List<ClassifiedBuild> builds) {
        List<StabilityTable> dockerfiles = report.dockerfiles().stream()
                .map(JobDockerfiles::stability)
                .flatMap(List::stream)
                .toList();
        return ReportChartFactory.createAll(ChartDataMiner.mine(builds, report.findings(), dockerfiles));
    }

    /** Every chart of {@code report} as inline SVG with its text alternative and data. */
    public static List<RenderedChart> render(Report report) {
        return render(report, report.builds());
    }

    /** Every chart of {@code report}, drawn from {@code builds}, as inline SVG with its text alternative and data. */
    public static List<RenderedChart> render(Report report, List<ClassifiedBuild> builds) {
        return of(report, builds).stream().map(ReportChart::render).toList();
    }

    /** Writes every chart as SVG and PNG into {@code directory} ({@code --charts DIR}). */
    public static DocumentWriter files(Path directory) {
        return (report, outDir) -> {
            Files.createDirectories(directory);
            ChartFiles.write(of(report), directory);
        };
    }
}
