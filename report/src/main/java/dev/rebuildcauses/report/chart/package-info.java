/**
 * The report's charts: one factory per chart kind turns the plain chart data of
 * {@link dev.rebuildcauses.analysis.chart} into a JFreeChart, drawn as scalable SVG for pages and
 * as PNG on request, with one colour per cause everywhere ({@link dev.rebuildcauses.report.chart.CausePalette}).
 */
package dev.rebuildcauses.report.chart;
