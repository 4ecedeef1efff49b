package dev.rebuildcauses.report.chart;

import dev.rebuildcauses.analysis.chart.ChartData;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.DefaultCategoryDataset;

/** The chart of empty data: its title and "No data" where the marks would be. */
final class NoDataChart {
    static final int WIDTH = 900;
    static final int HEIGHT = 240;

    private NoDataChart() {}

    static ReportChart of(ChartData data) {
        CategoryPlot plot = new CategoryPlot(new DefaultCategoryDataset(), new CategoryAxis(), new NumberAxis(), null);
        plot.getDomainAxis().setVisible(false);
        plot.getRangeAxis().setVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = ChartStyle.apply(new JFreeChart(data.title(), ChartStyle.TITLE, plot, false));
        plot.setNoDataMessage("No data"); // the title says why, the description says more
        plot.setNoDataMessageFont(ChartStyle.LABEL);
        plot.setNoDataMessagePaint(ChartStyle.TEXT);
        return new ReportChart(data, chart, WIDTH, HEIGHT);
    }
}
