package dev.rebuildcauses.report.chart;

import dev.rebuildcauses.analysis.chart.JobPareto;
import dev.rebuildcauses.analysis.chart.ParetoBar;
import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Chart 5: a Pareto chart of jobs. Jobs by build hours, most first, as bars stacked by cause; the
 * cumulative share of all hours as a line on a second axis; the remaining jobs as one grey-edged last bar.
 */
public final class JobParetoChart {
    static final String CUMULATIVE = "cumulative share";
    private static final int MAX_LABEL = 28;

    private JobParetoChart() {}

    public static ReportChart create(JobPareto data) {
        if (data.isEmpty()) {
            return NoDataChart.of(data);
        }
        DefaultCategoryDataset stacks = new DefaultCategoryDataset();
        DefaultCategoryDataset cumulative = new DefaultCategoryDataset();
        boolean cut = cutsOtherJobs(data);
        for (int b = 0; b < data.bars().size(); b++) {
            ParetoBar bar = data.bars().get(b);
            String label = label(b, bar.job());
            if (cut && b == data.bars().size() - 1) {
                label += String.format(Locale.ROOT, ": %,.0f, cut", bar.total());
            }
            for (int c = 0; c < data.causes().size(); c++) {
                stacks.addValue(bar.byCause().get(c), data.causes().get(c), label);
            }
            cumulative.addValue(bar.cumulativeShare(), CUMULATIVE, label);
        }
        CategoryAxis jobs = new CategoryAxis("job, most " + data.measure().label() + " first");
        jobs.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        jobs.setMaximumCategoryLabelLines(1);
        jobs.setTickLabelFont(ChartStyle.SMALL);
        jobs.setCategoryMargin(0.2);
        NumberAxis amount = new NumberAxis(data.measure().label());
        StackedBarRenderer renderer = new StackedBarRenderer();
        CategoryPlot plot = new CategoryPlot(stacks, jobs, amount, renderer);
        NumberAxis share =
                new NumberAxis("cumulative share of all " + data.measure().label() + " (%)");
        share.setRange(0, 1.0);
        share.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        plot.setRangeAxis(1, share);
        plot.setRangeAxisLocation(1, AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDataset(1, cumulative);
        plot.mapDatasetToRangeAxis(1, 1);
        LineAndShapeRenderer line = new LineAndShapeRenderer(true, true);
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = ChartStyle.apply(new JFreeChart(data.title(), ChartStyle.TITLE, plot, true));
        for (int c = 0; c < data.causes().size(); c++) {
            renderer.setSeriesPaint(c, CausePalette.color(data.causes().get(c)));
        }
        ChartStyle.note(chart, "A build with several causes is split equally among them.");
        if (cut) {
            amount.setRange(0, topJob(data) * 1.3);
        }
        renderer.setMaximumBarWidth(0.06);
        line.setSeriesPaint(0, ChartStyle.TEXT);
        line.setSeriesStroke(0, new BasicStroke(2f));
        line.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        return new ReportChart(data, chart, 900, 560);
    }

    /**
     * The other jobs together can dwarf the top jobs and flatten them: then cut that bar at the axis
     * top, as a broken bar; its label gives its height.
     */
    private static boolean cutsOtherJobs(JobPareto data) {
        List<ParetoBar> bars = data.bars();
        if (data.otherJobs() == 0 || bars.size() < 2) {
            return false;
        }
        return bars.get(bars.size() - 1).total() > 2 * topJob(data);
    }

    private static double topJob(JobPareto data) {
        List<ParetoBar> bars = data.bars();
        return bars.subList(0, bars.size() - 1).stream()
                .mapToDouble(ParetoBar::total)
                .max()
                .orElse(0);
    }

    /** A job name short enough for a slanted label, keeping its end; the rank keeps labels unique. */
    private static String label(int index, String job) {
        String name = job.length() > MAX_LABEL ? "…" + job.substring(job.length() - MAX_LABEL + 1) : job;
        return (index + 1) + ". " + name;
    }
}
