package dev.rebuildcauses.report.chart;

import dev.rebuildcauses.analysis.chart.UpSetColumn;
import dev.rebuildcauses.analysis.chart.UpSetData;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYBarDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart 3: an UpSet chart. Bars of builds per exact combination, most first; under them a matrix with a
 * row per cause and, in each column, a dot in the cause's colour for each cause of the combination,
 * the dots joined by a line. Readable for any number of causes, unlike a Venn diagram.
 */
public final class UpSetChart {
    private static final double DOT = 12;

    private UpSetChart() {}

    public static ReportChart create(UpSetData data) {
        if (data.isEmpty()) {
            return NoDataChart.of(data);
        }
        List<UpSetColumn> columns = data.columns();
        List<String> causes = data.causes();
        NumberAxis columnAxis = new NumberAxis();
        columnAxis.setRange(-0.6, columns.size() - 0.4);
        columnAxis.setTickLabelsVisible(false);
        columnAxis.setTickMarksVisible(false);
        columnAxis.setAxisLineVisible(false);
        columnAxis.setLabel(
                data.otherCombinations() > 0
                        ? "exact combinations, most builds first (" + data.otherCombinations() + " rarer ones with "
                                + data.otherBuilds() + " builds are in the table)"
                        : "exact combinations, most builds first");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(columnAxis);
        plot.setGap(4);
        plot.add(bars(columns), 3);
        plot.add(matrix(columns, causes), Math.max(2, causes.size() / 2));
        JFreeChart chart = ChartStyle.apply(new JFreeChart(data.title(), ChartStyle.TITLE, plot, false));
        columnAxis.setLabelFont(ChartStyle.LABEL);
        return new ReportChart(data, chart, 900, 330 + 24 * causes.size());
    }

    private static XYPlot bars(List<UpSetColumn> columns) {
        XYSeries series = new XYSeries("builds");
        for (int i = 0; i < columns.size(); i++) {
            series.add(i, columns.get(i).builds());
        }
        NumberAxis builds = new NumberAxis("builds");
        builds.setUpperMargin(0.15);
        XYBarRenderer renderer = new XYBarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                List<String> combination = columns.get(column).causes();
                return combination.size() == 1 ? CausePalette.color(combination.get(0)) : ChartStyle.DARK;
            }
        };
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(ChartStyle.DARK);
        renderer.setDefaultItemLabelGenerator(
                new StandardXYItemLabelGenerator("{2}", new DecimalFormat("0"), new DecimalFormat("#,##0")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.SMALL);
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE12, TextAnchor.BOTTOM_CENTER));
        XYPlot plot = new XYPlot(new XYBarDataset(new XYSeriesCollection(series), 0.7), null, builds, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(ChartStyle.GRID);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        return plot;
    }

    private static XYPlot matrix(List<UpSetColumn> columns, List<String> causes) {
        int rows = causes.size();
        // the first cause on top: row r sits at y = rows - 1 - r
        String[] symbols = new String[rows];
        for (int r = 0; r < rows; r++) {
            symbols[rows - 1 - r] = causes.get(r);
        }
        SymbolAxis causeAxis = new SymbolAxis("cause", symbols);
        causeAxis.setGridBandsVisible(true);
        causeAxis.setGridBandPaint(new Color(0xF2F2F2));
        causeAxis.setGridBandAlternatePaint(Color.WHITE);
        causeAxis.setRange(-0.6, rows - 0.4);
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeries absent = new XYSeries("absent", false, true);
        XYSeries present = new XYSeries("present", false, true);
        for (int i = 0; i < columns.size(); i++) {
            List<String> combination = columns.get(i).causes();
            XYSeries line = new XYSeries("column " + i, false, true);
            for (int r = 0; r < rows; r++) {
                double y = rows - 1 - r;
                if (combination.contains(causes.get(r))) {
                    present.add(i, y);
                    line.add(i, y);
                } else {
                    absent.add(i, y);
                }
            }
            if (line.getItemCount() > 1) {
                lines.addSeries(line);
            }
        }
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, false);
        lineRenderer.setDefaultPaint(ChartStyle.DARK);
        lineRenderer.setAutoPopulateSeriesPaint(false);
        lineRenderer.setDefaultStroke(new BasicStroke(2.5f));
        lineRenderer.setAutoPopulateSeriesStroke(false);
        XYSeriesCollection dots = new XYSeriesCollection();
        dots.addSeries(absent);
        dots.addSeries(present);
        XYLineAndShapeRenderer dotRenderer = new XYLineAndShapeRenderer(false, true) {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int series, int item) {
                if (series == 0) {
                    return ChartStyle.LIGHT_DOT;
                }
                int y = (int) Math.round(dots.getYValue(series, item));
                return CausePalette.color(symbols[y]);
            }
        };
        dotRenderer.setDefaultShape(new Ellipse2D.Double(-DOT / 2, -DOT / 2, DOT, DOT));
        dotRenderer.setAutoPopulateSeriesShape(false);
        dotRenderer.setDrawOutlines(true);
        dotRenderer.setUseOutlinePaint(true);
        dotRenderer.setDefaultOutlinePaint(ChartStyle.DARK);
        dotRenderer.setSeriesOutlinePaint(0, ChartStyle.LIGHT_DOT);
        dotRenderer.setAutoPopulateSeriesOutlinePaint(false);
        XYPlot plot = new XYPlot(dots, null, causeAxis, dotRenderer);
        plot.setDataset(1, lines);
        plot.setRenderer(1, lineRenderer);
        // lines first, dots on top
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        return plot;
    }
}
