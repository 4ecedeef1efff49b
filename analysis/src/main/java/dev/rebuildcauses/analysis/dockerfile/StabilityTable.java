package dev.rebuildcauses.analysis.dockerfile;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The instruction-stability table of one Dockerfile: one row per instruction of its current revision, in order.
 *
 * @param path the Dockerfile's path
 * @param current the parsed current revision
 * @param rows one row per instruction of {@code current}, same order
 * @param asOf the moment stability is judged at
 * @param stableFor how long an instruction must be unchanged to count as stable
 * @param revisions how many revisions the history holds
 */
public record StabilityTable(
        String path,
        Dockerfile current,
        List<InstructionStability> rows,
        Instant asOf,
        Duration stableFor,
        int revisions) {
    public StabilityTable {
        rows = List.copyOf(rows);
    }

    /** The table as aligned text lines: line, changes, last changed, stable, instruction. */
    public List<String> render() {
        return rows.stream()
                .map(row -> String.format(
                        "%4d  %3d change%s  last %s  %s  %s",
                        row.instruction().line(),
                        row.changes(),
                        row.changes() == 1 ? " " : "s",
                        row.lastChanged().toString().substring(0, 10),
                        row.stable() ? "stable  " : "changing",
                        abbreviate(row.instruction().keyword() + " "
                                + row.instruction().arguments())))
                .toList();
    }

    private static String abbreviate(String text) {
        String single = text.replaceAll("\\s+", " ");
        return single.length() > 70 ? single.substring(0, 69) + "…" : single;
    }
}
