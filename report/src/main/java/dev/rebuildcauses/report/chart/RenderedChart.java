package dev.rebuildcauses.report.chart;

import dev.rebuildcauses.analysis.chart.DataTable;

/**
 * A chart ready for a page: its id (an HTML id and a file name), title, text alternative, inline SVG
 * (scales to its container, no scripts, no external references) and the data behind it.
 */
public record RenderedChart(String id, String title, String altText, String svg, DataTable table) {}
