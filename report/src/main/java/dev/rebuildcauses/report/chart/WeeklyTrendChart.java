package dev.rebuildcauses.report.chart;

import dev.rebuildcauses.analysis.chart.WeeklySeries;
import dev.rebuildcauses.analysis.chart.WeeklyTrend;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart 4: build hours (builds) per week, stacked by cause: bars up to a year of weeks, an area past
 * that so that a long history stays one shape per cause.
 */
public final class WeeklyTrendChart {
    /** Past this many weeks bars would be slivers: draw areas. */
    static final int MAX_BAR_WEEKS = 52;

    private static final long WEEK_MILLIS = 7 * 86_400_000L;

    private WeeklyTrendChart() {}

    public static ReportChart create(WeeklyTrend data) {
        if (data.isEmpty()) {
            return NoDataChart.of(data);
        }
        if (data.weeks().size() <= MAX_BAR_WEEKS) {
            return bars(data);
        }
        DateAxis time = new DateAxis("week (UTC)");
        time.setTimeZone(TimeZone.getTimeZone("UTC"));
        time.setLowerMargin(0.01);
        time.setUpperMargin(0.01);
        NumberAxis amount = new NumberAxis(data.measure().label() + " per week");
        XYDataset dataset = cumulativeAreas(data);
        XYAreaRenderer renderer = new XYAreaRenderer(XYAreaRenderer.AREA);
        XYPlot plot = new XYPlot(dataset, time, amount, renderer);
        plot.setDomainGridlinesVisible(false);
        // the areas are running totals: draw the tallest first so each cause shows as its band
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.REVERSE);
        JFreeChart chart = ChartStyle.apply(new JFreeChart(data.title(), ChartStyle.TITLE, plot, true));
        for (int i = 0; i < data.series().size(); i++) {
            renderer.setSeriesPaint(i, CausePalette.color(data.series().get(i).cause()));
        }
        ChartStyle.note(chart, "A build with several causes counts under each.");
        return new ReportChart(data, chart, 900, 480);
    }

    /** Up to a year: one stacked bar per week, labelled with its Monday. */
    private static ReportChart bars(WeeklyTrend data) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (WeeklySeries one : data.series()) {
            for (int week = 0; week < data.weeks().size(); week++) {
                dataset.addValue(
                        one.values().get(week),
                        one.cause(),
                        data.weeks().get(week).toString());
            }
        }
        CategoryAxis weeks = new CategoryAxis("week (starting Monday, UTC)");
        if (data.weeks().size() > 10) {
            weeks.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        }
        weeks.setCategoryMargin(0.2);
        StackedBarRenderer renderer = new StackedBarRenderer();
        CategoryPlot plot =
                new CategoryPlot(dataset, weeks, new NumberAxis(data.measure().label() + " per week"), renderer);
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = ChartStyle.apply(new JFreeChart(data.title(), ChartStyle.TITLE, plot, true));
        weeks.setTickLabelFont(ChartStyle.SMALL);
        renderer.setMaximumBarWidth(0.08);
        renderer.setShadowVisible(false);
        for (int i = 0; i < data.series().size(); i++) {
            renderer.setSeriesPaint(i, CausePalette.color(data.series().get(i).cause()));
        }
        ChartStyle.note(chart, "A build with several causes counts under each.");
        return new ReportChart(data, chart, 900, 480);
    }

    private static long monday(LocalDate week) {
        return week.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    /**
     * Running totals, cause by cause, each drawn as one filled polygon: a long history stays a handful
     * of SVG paths (a stacked area renderer would draw one polygon per cause and week).
     */
    private static XYDataset cumulativeAreas(WeeklyTrend data) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        double[] running = new double[data.weeks().size()];
        for (WeeklySeries one : data.series()) {
            XYSeries series = new XYSeries(one.cause(), false, true);
            for (int week = 0; week < running.length; week++) {
                running[week] += one.values().get(week);
                series.add(monday(data.weeks().get(week)), running[week], false);
            }
            dataset.addSeries(series);
        }
        return dataset;
    }
}
