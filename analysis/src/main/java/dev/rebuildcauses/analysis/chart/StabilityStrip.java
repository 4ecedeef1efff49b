package dev.rebuildcauses.analysis.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Chart 7: one cell per instruction of a Dockerfile's current revision, in order, coloured by how
 * often the instruction changed, stable or changing, labelled with its line number.
 *
 * @param id unique within a report, e.g. {@code stability-images-base-dockerfile}
 * @param stableWeeks how many weeks unchanged make an instruction stable
 * @param revisions how many revisions the history holds
 */
public record StabilityStrip(String id, String path, long stableWeeks, int revisions, List<StabilityCell> cells)
        implements ChartData {
    public StabilityStrip {
        cells = List.copyOf(cells);
    }

    @Override
    public String title() {
        return "Instruction stability of " + path;
    }

    /** How many instructions from the top are stable, before the first changing one. */
    public int stablePrefix() {
        int prefix = 0;
        while (prefix < cells.size() && cells.get(prefix).stable()) {
            prefix++;
        }
        return prefix;
    }

    @Override
    public String altText() {
        if (cells.isEmpty()) {
            return path + " has no instructions.";
        }
        long stable = cells.stream().filter(StabilityCell::stable).count();
        int prefix = stablePrefix();
        String text = String.format(
                "%d of %d instructions of %s have not changed for %d weeks (%d revisions)",
                stable, cells.size(), path, stableWeeks, revisions);
        return prefix == 0
                ? text + "; the first instruction is changing."
                : text + "; the first " + prefix + " (to line "
                        + cells.get(prefix - 1).line() + ") are stable and could move into a base image.";
    }

    @Override
    public DataTable table() {
        List<List<String>> rows = new ArrayList<>();
        for (StabilityCell cell : cells) {
            rows.add(List.of(
                    Integer.toString(cell.line()),
                    cell.keyword(),
                    Integer.toString(cell.changes()),
                    cell.lastChanged().toString(),
                    cell.stable() ? "stable" : "changing",
                    cell.summary()));
        }
        return new DataTable(List.of("line", "instruction", "changes", "last_changed", "state", "text"), rows);
    }

    @Override
    public boolean isEmpty() {
        return cells.isEmpty();
    }
}
