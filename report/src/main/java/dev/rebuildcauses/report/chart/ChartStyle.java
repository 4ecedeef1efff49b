package dev.rebuildcauses.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** The look shared by every chart: white, flat, no shadows or gradients, readable fonts, legend below. */
final class ChartStyle {
    static final Color TEXT = new Color(0x222222);
    static final Color GRID = new Color(0xDDDDDD);
    static final Color DARK = new Color(0x444444);
    static final Color LIGHT_DOT = new Color(0xD9D9D9);
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    static final BasicStroke GRID_STROKE = new BasicStroke(0.6f);

    static {
        // charts draw off screen: never ask for a display, also when a caller forgot to say so
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // rotated labels as text, not as glyph outlines: SVG files ten times smaller, text selectable
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private static final StandardChartTheme THEME = theme();

    private ChartStyle() {}

    /** Loads this class, and with it the headless setting, before anything draws. */
    static void init() {}

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("rebuild-causes", false);
        theme.setExtraLargeFont(TITLE);
        theme.setLargeFont(LABEL);
        theme.setRegularFont(TICK);
        theme.setSmallFont(SMALL);
        theme.setTitlePaint(TEXT);
        theme.setSubtitlePaint(TEXT);
        theme.setAxisLabelPaint(TEXT);
        theme.setTickLabelPaint(TEXT);
        theme.setItemLabelPaint(TEXT);
        theme.setLegendItemPaint(TEXT);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setBaselinePaint(DARK);
        theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setGridBandPaint(new Color(0xF4F4F4));
        theme.setGridBandAlternatePaint(Color.WHITE);
        return theme;
    }

    /** Adds a note under the title, e.g. how builds with several causes count. */
    static void note(JFreeChart chart, String text) {
        TextTitle note = new TextTitle(text, SMALL);
        note.setPaint(TEXT);
        chart.addSubtitle(note);
    }

    /** Applies the shared look; call after the plot is complete and before setting per-item paints. */
    static JFreeChart apply(JFreeChart chart) {
        THEME.apply(chart);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 12));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemFont(TICK);
        }
        return chart;
    }
}
