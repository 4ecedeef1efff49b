package dev.rebuildcauses.analysis.chart;

import dev.rebuildcauses.analysis.dockerfile.InstructionStability;
import dev.rebuildcauses.analysis.dockerfile.StabilityTable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns the stability tables of Dockerfiles into strips with ids unique within a report. */
final class StabilityStrips {
    private static final int SUMMARY_LENGTH = 60;

    private StabilityStrips() {}

    static List<StabilityStrip> of(List<StabilityTable> tables) {
        Set<String> ids = new HashSet<>();
        List<StabilityStrip> strips = new ArrayList<>();
        for (StabilityTable table : tables) {
            String base = "stability-" + slug(table.path());
            String id = base;
            for (int n = 2; !ids.add(id); n++) {
                id = base + "-" + n;
            }
            strips.add(strip(id, table));
        }
        return strips;
    }

    static StabilityStrip strip(String id, StabilityTable table) {
        List<StabilityCell> cells = new ArrayList<>();
        for (InstructionStability row : table.rows()) {
            cells.add(new StabilityCell(
                    row.instruction().line(),
                    row.instruction().keyword(),
                    summary(row.instruction().keyword() + " "
                            + row.instruction().arguments()),
                    row.changes(),
                    row.stable(),
                    LocalDate.ofInstant(row.lastChanged(), ZoneOffset.UTC)));
        }
        return new StabilityStrip(id, table.path(), table.stableFor().toDays() / 7, table.revisions(), cells);
    }

    private static String slug(String path) {
        String slug =
                path.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "dockerfile" : slug;
    }

    private static String summary(String text) {
        String single = text.replaceAll("\\s+", " ").strip();
        return single.length() > SUMMARY_LENGTH ? single.substring(0, SUMMARY_LENGTH - 1) + "…" : single;
    }
}
