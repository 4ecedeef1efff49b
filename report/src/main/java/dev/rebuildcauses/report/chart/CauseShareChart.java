package dev.rebuildcauses.report.chart;

import dev.rebuildcauses.analysis.chart.CauseShare;
import dev.rebuildcauses.analysis.chart.CauseShareSeries;
import dev.rebuildcauses.analysis.chart.Measure;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Chart 1: per cause, a pale bar for its share of builds and a full-colour bar for its share of build
 * hours, side by side and horizontal, in the cause's own colour.
 */
public final class CauseShareChart {
    static final String BUILDS = "share of builds";
    static final String HOURS = "share of build hours";

    private CauseShareChart() {}

    public static ReportChart create(CauseShareSeries data) {
        if (data.isEmpty()) {
            return NoDataChart.of(data);
        }
        boolean hours = data.measure() == Measure.HOURS;
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (CauseShare row : data.causes()) {
            dataset.addValue(row.buildsShare(), BUILDS, row.cause());
            if (hours) {
                dataset.addValue(row.hoursShare() == null ? 0.0 : row.hoursShare(), HOURS, row.cause());
            }
        }
        NumberAxis shareAxis = new NumberAxis("share of all builds" + (hours ? " / of all build hours" : "") + " (%)");
        shareAxis.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        shareAxis.setUpperMargin(0.12);
        CategoryAxis causeAxis = new CategoryAxis("cause");
        causeAxis.setCategoryMargin(0.25);
        BarRenderer renderer = new CauseBarRenderer(hours);
        CategoryPlot plot = new CategoryPlot(dataset, causeAxis, shareAxis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = ChartStyle.apply(new JFreeChart(data.title(), ChartStyle.TITLE, plot, hours));
        ChartStyle.note(
                chart, "A build with several causes counts under each, so the shares add up to more than 100%.");
        renderer.setItemMargin(0.05);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(ChartStyle.DARK);
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.SMALL);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        NumberFormat percent = NumberFormat.getPercentInstance(Locale.ROOT);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", percent));
        int rows = data.causes().size() * (hours ? 2 : 1);
        return new ReportChart(data, chart, 900, Math.max(260, 110 + rows * 17));
    }

    /** Colours each bar by its cause: pale for builds, full for hours; the legend explains the two shades. */
    private static final class CauseBarRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private final boolean hours;

        CauseBarRenderer(boolean hours) {
            this.hours = hours;
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            Color color = CausePalette.color((String) getPlot().getDataset().getColumnKey(column));
            return hours && row == 0 ? pale(color) : color;
        }

        @Override
        public LegendItemCollection getLegendItems() {
            LegendItemCollection items = new LegendItemCollection();
            if (hours) {
                items.add(swatch(BUILDS + " (pale)", pale(ChartStyle.DARK)));
                items.add(swatch(HOURS + " (full colour)", ChartStyle.DARK));
            }
            return items;
        }

        private static LegendItem swatch(String label, Color color) {
            LegendItem item = new LegendItem(label, null, null, null, new Rectangle2D.Double(-6, -6, 12, 12), color);
            item.setLabelFont(ChartStyle.TICK);
            return item;
        }
    }

    /** The colour mixed 60% with white. */
    static Color pale(Color color) {
        return new Color(mix(color.getRed()), mix(color.getGreen()), mix(color.getBlue()));
    }

    private static int mix(int channel) {
        return (int) Math.round(channel * 0.4 + 255 * 0.6);
    }
}
