package dev.rebuildcauses.report.chart;

import dev.rebuildcauses.analysis.chart.StabilityCell;
import dev.rebuildcauses.analysis.chart.StabilityStrip;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Chart 7: the instruction-stability strip of a Dockerfile, one cell per instruction in file order,
 * blue shades when stable, orange shades by how often it changed otherwise (a colour-blind safe
 * pairing), each cell showing its change count, labelled with its line number and keyword.
 */
public final class StabilityChart {
    static final Color STABLE_NEVER = new Color(0xC6DBEF);
    static final Color STABLE = new Color(0x6BAED6);
    static final Color CHANGING_ONCE = new Color(0xFDD0A2);
    static final Color CHANGING_FEW = new Color(0xFD8D3C);
    static final Color CHANGING_OFTEN = new Color(0xA63603);

    private StabilityChart() {}

    public static ReportChart create(StabilityStrip data) {
        if (data.isEmpty()) {
            return NoDataChart.of(data);
        }
        List<StabilityCell> cells = data.cells();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (StabilityCell cell : cells) {
            dataset.addValue(1.0, "instruction", cell.line() + " " + cell.keyword());
        }
        CategoryAxis instructions = new CategoryAxis("instruction (line number and keyword), top of the file first");
        instructions.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        instructions.setCategoryMargin(0.08);
        instructions.setLowerMargin(0.01);
        instructions.setUpperMargin(0.01);
        NumberAxis none = new NumberAxis();
        none.setVisible(false);
        none.setRange(0, 1.0);
        BarRenderer renderer = new CellRenderer(cells);
        CategoryPlot plot = new CategoryPlot(dataset, instructions, none, renderer);
        plot.setRangeGridlinesVisible(false);
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = ChartStyle.apply(new JFreeChart(data.title(), ChartStyle.TITLE, plot, true));
        instructions.setTickLabelFont(ChartStyle.SMALL);
        renderer.setDrawBarOutline(false);
        renderer.setMaximumBarWidth(1.0);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            private static final long serialVersionUID = 1L;

            @Override
            public String generateLabel(org.jfree.data.category.CategoryDataset dataset, int row, int column) {
                return Integer.toString(cells.get(column).changes());
            }
        });
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(ChartStyle.SMALL);
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
        int width = Math.max(900, 140 + 22 * cells.size());
        return new ReportChart(data, chart, width, 300);
    }

    static Color colour(StabilityCell cell) {
        if (cell.stable()) {
            return cell.changes() == 0 ? STABLE_NEVER : STABLE;
        }
        if (cell.changes() <= 1) {
            return CHANGING_ONCE;
        }
        return cell.changes() <= 3 ? CHANGING_FEW : CHANGING_OFTEN;
    }

    /** Colours each cell by its stability; the legend names the five shades. */
    private static final class CellRenderer extends BarRenderer {
        private static final long serialVersionUID = 1L;
        private final List<StabilityCell> cells;

        CellRenderer(List<StabilityCell> cells) {
            this.cells = cells;
        }

        @Override
        public Paint getItemPaint(int row, int column) {
            return colour(cells.get(column));
        }

        @Override
        public Paint getItemLabelPaint(int row, int column) {
            Color fill = colour(cells.get(column));
            return fill == CHANGING_OFTEN ? Color.WHITE : ChartStyle.TEXT;
        }

        @Override
        public LegendItemCollection getLegendItems() {
            LegendItemCollection items = new LegendItemCollection();
            items.add(swatch("stable, never changed", STABLE_NEVER));
            items.add(swatch("stable, changed before", STABLE));
            items.add(swatch("changing: 1 change", CHANGING_ONCE));
            items.add(swatch("2-3 changes", CHANGING_FEW));
            items.add(swatch("4 or more changes (number in each cell)", CHANGING_OFTEN));
            return items;
        }

        private static LegendItem swatch(String label, Color color) {
            LegendItem item = new LegendItem(label, null, null, null, new Rectangle2D.Double(-6, -6, 12, 12), color);
            item.setLabelFont(ChartStyle.TICK);
            return item;
        }
    }
}
