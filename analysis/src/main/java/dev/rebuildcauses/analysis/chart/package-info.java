/**
 * The data behind the report's charts, as plain values: series, bins, combinations and orders
 * computed from the findings ({@link dev.rebuildcauses.analysis.chart.ChartDataMiner}), each with
 * its title, text alternative and data table. Drawing them is the report's business.
 */
package dev.rebuildcauses.analysis.chart;
