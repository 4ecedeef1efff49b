package dev.rebuildcauses.report.view;

/**
 * One number of the answer, shown large, with where it comes from in the CSV exports.
 *
 * @param id a stable identifier (an HTML id, and what tests look the figure up by)
 * @param label what it measures, in plain words
 * @param value the number as shown, e.g. {@code 48.21%}; empty when it cannot be known
 * @param source the export cell it equals, e.g. {@code causes.csv: code, builds_share}
 * @param exported the cell's text in that export, e.g. {@code 0.4821}
 */
public record KeyFigure(String id, String label, String value, String source, String exported) {}
