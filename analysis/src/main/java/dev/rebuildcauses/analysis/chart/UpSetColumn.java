package dev.rebuildcauses.analysis.chart;

import java.util.List;

/**
 * One exact combination of causes, as in {@code combinations.csv} (exclusive).
 *
 * @param causes the combination's causes, sorted by name
 * @param hours {@code null} without durations
 */
public record UpSetColumn(List<String> causes, long builds, Double hours) {
    public UpSetColumn {
        causes = List.copyOf(causes);
    }

    /** The causes joined with {@code ;}, as the CSV exports write them. */
    public String key() {
        return String.join(";", causes);
    }
}
