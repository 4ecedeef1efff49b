package dev.rebuildcauses.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** What the tests read in an SVG: that it is well-formed, and how many marks of a colour it holds. */
final class Svg {
    private Svg() {}

    /** Parses the SVG as XML, failing the test when it is not well-formed. */
    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** Rectangles filled with this colour (bars, cells, boxes). */
    static int rects(String svg, Color color) {
        return count(svg, "<rect [^>]*style='fill:" + rgb(color) + "[;']");
    }

    /** Shapes (dots, ticks) drawn as paths inside a group filled with this colour. */
    static int shapes(String svg, Color color) {
        return count(svg, "<g style='fill:" + rgb(color) + ";[^>]*><path ");
    }

    /** Dots (paths with curves) inside a group filled with this colour. */
    static int dots(String svg, Color color) {
        return count(svg, "<g style='fill:" + rgb(color) + ";[^>]*><path d='M[^']*C");
    }

    static int count(String svg, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(svg);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static String rgb(Color color) {
        return Pattern.quote("rgb(" + color.getRed() + "," + color.getGreen() + "," + color.getBlue() + ")");
    }

    /** The checks every chart's SVG passes: well-formed, scalable, accessible, self-contained. */
    static void assertPageReady(ReportChart chart) throws Exception {
        String svg = chart.svg();
        Document document = parse(svg);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(document.getDocumentElement().getAttribute("viewBox"))
                .isEqualTo("0 0 " + chart.width() + " " + chart.height());
        assertThat(document.getDocumentElement().hasAttribute("width")).isFalse();
        assertThat(document.getDocumentElement().getAttribute("role")).isEqualTo("img");
        assertThat(document.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo(chart.title());
        assertThat(document.getElementsByTagNameNS("*", "desc").item(0).getTextContent())
                .isEqualTo(chart.altText());
        assertThat(svg).doesNotContain("<script", "<image", "href='http", "href=\"http", "url(http");
    }
}
