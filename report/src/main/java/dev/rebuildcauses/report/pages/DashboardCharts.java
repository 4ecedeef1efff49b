package dev.rebuildcauses.report.pages;

import dev.rebuildcauses.analysis.chart.ChartDataMiner;
import dev.rebuildcauses.analysis.dockerfile.StabilityTable;
import dev.rebuildcauses.report.chart.RenderedChart;
import dev.rebuildcauses.report.chart.ReportChartFactory;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The charts of one index, drawn by the report's chart factory on first use and kept: the instance's
 * charts for the overview, each job's for its page. Drawing takes tens of milliseconds; serving is a lookup.
 */
public final class DashboardCharts {
    private final ReportIndex index;
    private final Map<String, List<RenderedChart>> drawn = new ConcurrentHashMap<>();

    public DashboardCharts(ReportIndex index) {
        this.index = index;
    }

    /** The instance's charts. */
    public List<RenderedChart> instance() {
        return index.charts();
    }

    /** The charts of {@code job}; empty for a job the index does not hold. */
    public List<RenderedChart> job(String job) {
        Optional<ReportIndex.JobEntry> entry = index.job(job);
        if (entry.isEmpty()) {
            return List.of();
        }
        return drawn.computeIfAbsent(job, key -> draw(entry.get()));
    }

    private static List<RenderedChart> draw(ReportIndex.JobEntry job) {
        List<StabilityTable> dockerfiles =
                job.dockerfiles() == null ? List.of() : job.dockerfiles().stability();
        return ReportChartFactory.createAll(ChartDataMiner.mine(job.classifiedBuilds(), job.findings(), dockerfiles))
                .stream()
                .map(dev.rebuildcauses.report.chart.ReportChart::render)
                .toList();
    }

    /** One chart of the instance ({@code job} null) or of a job, by id. */
    public Optional<RenderedChart> find(String job, String id) {
        List<RenderedChart> charts = job == null ? instance() : job(job);
        return charts.stream().filter(chart -> chart.id().equals(id)).findFirst();
    }

    static List<ChartImage> images(List<RenderedChart> charts, Links links, String job) {
        return charts.stream()
                .map(chart -> new ChartImage(
                        chart.id(), chart.title(), chart.altText(), links.chart(job, chart.id()), chart.table()))
                .toList();
    }
}
