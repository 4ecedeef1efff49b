package dev.rebuildcauses.report.chart;

import dev.rebuildcauses.analysis.chart.ChartData;
import dev.rebuildcauses.analysis.chart.DataTable;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;

/** A chart of the report: its data and the JFreeChart that draws it, at a natural size, as SVG or PNG. */
public final class ReportChart {
    static {
        ChartStyle.init();
    }

    private final ChartData data;
    private final JFreeChart chart;
    private final int width;
    private final int height;

    ReportChart(ChartData data, JFreeChart chart, int width, int height) {
        this.data = data;
        this.chart = chart;
        this.width = width;
        this.height = height;
    }

    public String id() {
        return data.id();
    }

    public String title() {
        return data.title();
    }

    public String altText() {
        return data.altText();
    }

    public DataTable table() {
        return data.table();
    }

    /** The plain data the chart draws. */
    public ChartData data() {
        return data;
    }

    /** The JFreeChart, for hosts that draw it themselves (a Swing panel, a servlet). */
    public JFreeChart chart() {
        return chart;
    }

    /** The natural width in pixels. */
    public int width() {
        return width;
    }

    /** The natural height in pixels. */
    public int height() {
        return height;
    }

    /** The chart as an SVG element drawn at its natural size, scaling to the width of its container. */
    public String svg() {
        return SvgRenderer.render(this, width, height);
    }

    /** The chart ready for a page. */
    public RenderedChart render() {
        return new RenderedChart(id(), title(), altText(), svg(), table());
    }

    /** The chart as a PNG image of the given size. */
    public byte[] png(int pngWidth, int pngHeight) {
        BufferedImage image;
        synchronized (chart) {
            image = chart.createBufferedImage(pngWidth, pngHeight);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart " + id() + " as PNG", e);
        }
        return bytes.toByteArray();
    }

    /** The chart as a PNG image at its natural size. */
    public byte[] png() {
        return png(width, height);
    }
}
