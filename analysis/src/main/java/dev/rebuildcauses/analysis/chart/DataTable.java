package dev.rebuildcauses.analysis.chart;

import java.util.List;

/**
 * The data behind a chart as text cells, formatted like the CSV exports (shares 4 decimals,
 * hours and minutes 2, days 1; an unknown figure is an empty cell).
 */
public record DataTable(List<String> header, List<List<String>> rows) {
    public DataTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
