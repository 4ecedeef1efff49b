package dev.rebuildcauses.analysis.chart;

/** What every chart's data offers a page: an id, a title, a text alternative and the data table behind it. */
public interface ChartData {
    /** A short name, unique within a report, usable as a file name and an HTML id. */
    String id();

    /** The chart's title, saying what it measures and in which unit. */
    String title();

    /** One or two sentences with the key numbers, for readers who cannot see the chart. */
    String altText();

    /** The data behind the chart. */
    DataTable table();

    /** True when there is nothing to draw: the chart then says "no data". */
    boolean isEmpty();
}
