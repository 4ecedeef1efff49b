package dev.rebuildcauses.report.pages;

import dev.rebuildcauses.analysis.chart.DataTable;

/**
 * A chart as the dashboard shows it: an SVG image the page loads from its own address (so the page's
 * Content-Security-Policy need not allow the inline styles JFreeSVG writes), with its text alternative
 * and the data behind it.
 */
public record ChartImage(String id, String title, String altText, String src, DataTable table) {}
