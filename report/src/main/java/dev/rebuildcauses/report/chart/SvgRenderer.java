package dev.rebuildcauses.report.chart;

import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Draws a chart as an inline SVG element: a viewBox instead of a fixed size, a title and description, no scripts. */
final class SvgRenderer {
    private SvgRenderer() {}

    static String render(ReportChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        // several charts share a page: keep their clip-path ids apart
        g2.setDefsKeyPrefix(chart.id() + "-");
        // one decimal is a tenth of a pixel: invisible, and it keeps the file small
        g2.setGeomDoubleConverter(SvgRenderer::oneDecimal);
        g2.setTransformDoubleConverter(SvgRenderer::oneDecimal);
        synchronized (chart.chart()) {
            chart.chart().draw(g2, new Rectangle2D.Double(0, 0, width, height));
        }
        String svg = g2.getSVGElement(
                chart.id(), false, new ViewBox(0, 0, width, height), PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
        int tagEnd = svg.indexOf('>', svg.indexOf("<svg"));
        String accessible = " role=\"img\" aria-labelledby=\"" + chart.id() + "-title " + chart.id() + "-desc\""
                + " style=\"width:100%;height:auto\">"
                + "<title id=\"" + chart.id() + "-title\">" + escape(chart.title()) + "</title>"
                + "<desc id=\"" + chart.id() + "-desc\">" + escape(chart.altText()) + "</desc>";
        return svg.substring(0, tagEnd) + accessible + svg.substring(tagEnd + 1);
    }

    private static String oneDecimal(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
