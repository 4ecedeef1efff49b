package dev.rebuildcauses.report.chart;

import dev.rebuildcauses.analysis.chart.DurationBox;
import dev.rebuildcauses.analysis.chart.DurationBoxes;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * Chart 2: one box per cause (first to third quartile, median line, mean dot, whiskers at the 10th and
 * 90th percentiles) in minutes, in the cause's colour. Single builds are never drawn: only the spread.
 */
public final class DurationChart {
    private DurationChart() {}

    public static ReportChart create(DurationBoxes data) {
        if (data.isEmpty()) {
            return NoDataChart.of(data);
        }
        DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
        for (DurationBox box : data.boxes()) {
            dataset.add(
                    new BoxAndWhiskerItem(
                            box.meanMinutes(),
                            box.medianMinutes(),
                            box.q1Minutes(),
                            box.q3Minutes(),
                            box.p10Minutes(),
                            box.p90Minutes(),
                            box.p10Minutes(),
                            box.p90Minutes(),
                            List.of()),
                    "duration",
                    box.cause());
        }
        CategoryAxis causeAxis = new CategoryAxis("cause");
        NumberAxis minutes = new NumberAxis("build duration (minutes)");
        minutes.setAutoRangeIncludesZero(true);
        BoxAndWhiskerRenderer renderer = new CauseBoxRenderer();
        CategoryPlot plot = new CategoryPlot(dataset, causeAxis, minutes, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        JFreeChart chart = ChartStyle.apply(new JFreeChart(data.title(), ChartStyle.TITLE, plot, false));
        ChartStyle.note(chart, "Box: first to third quartile, line: median; whiskers: 10th to 90th percentile.");
        renderer.setFillBox(true);
        renderer.setMeanVisible(false); // its size follows the box width: too big; the mean is in the table
        renderer.setMedianVisible(true);
        renderer.setMaximumBarWidth(0.7);
        renderer.setWhiskerWidth(0.5);
        renderer.setUseOutlinePaintForWhiskers(true);
        renderer.setDefaultOutlinePaint(ChartStyle.DARK);
        renderer.setDefaultOutlineStroke(new BasicStroke(1.5f));
        renderer.setArtifactPaint(ChartStyle.DARK);
        renderer.setMinOutlierVisible(false);
        renderer.setMaxOutlierVisible(false);
        causeAxis.setTickLabelFont(ChartStyle.TICK);

        return new ReportChart(
                data, chart, 900, Math.max(240, 110 + 34 * data.boxes().size()));
    }

    /** Fills each box with its cause's colour. */
    private static final class CauseBoxRenderer extends BoxAndWhiskerRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public Paint getItemPaint(int row, int column) {
            // pale fill so that the median line shows on every colour, black included
            return CauseShareChart.pale(cause(column));
        }

        private Color cause(int column) {
            return CausePalette.color((String) getPlot().getDataset().getColumnKey(column));
        }
    }
}
