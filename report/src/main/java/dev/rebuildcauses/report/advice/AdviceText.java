package dev.rebuildcauses.report.advice;

import dev.rebuildcauses.analysis.advice.Advice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Advice as plain text lines, for the summary a command prints. */
public final class AdviceText {
    private AdviceText() {}

    /** One block per advice: rank, kind and saving, then evidence, action and proposed files, indented. */
    public static List<String> lines(List<Advice> advice) {
        List<String> lines = new ArrayList<>();
        String job = null;
        int rank = 0;
        for (Advice row : advice) {
            if (!row.job().equals(job)) {
                job = row.job();
                rank = 0;
                lines.add("Advice for " + job + " (ranked by estimated saving; savings overlap, do not add them up):");
            }
            rank++;
            lines.add(String.format(
                    Locale.ROOT,
                    "%2d. %s: %s",
                    rank,
                    row.kind().id(),
                    row.savingHoursPerMonth() == null
                            ? "saving unknown (no build durations)"
                            : String.format(
                                    Locale.ROOT, "saves about %.2f build hours a month", row.savingHoursPerMonth())));
            indent(lines, "Evidence: ", row.evidence());
            indent(lines, "Action: ", row.action());
            if (!row.proposals().isEmpty()) {
                lines.add("    Proposed files: "
                        + String.join(", ", row.proposals().keySet()));
            }
        }
        return lines;
    }

    private static void indent(List<String> lines, String label, String text) {
        String[] parts = text.split("\n");
        lines.add("    " + label + parts[0]);
        for (int i = 1; i < parts.length; i++) {
            lines.add("      " + parts[i]);
        }
    }
}
