package dev.rebuildcauses.report.advice;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.advice.AdviceRanking;
import dev.rebuildcauses.analysis.advice.AdviceRanking.Measure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Advice as plain text lines, for advice.txt and the summary a command prints: one ranked list
 * across all jobs, then each job's advice in detail. Advice whose saving rounds to zero is left
 * out (advice.csv keeps it).
 */
public final class AdviceText {
    /** How many pieces of advice the ranking across jobs lists before the per-job sections. */
    static final int TOP = 20;

    private AdviceText() {}

    /** The ranking across jobs, then one block per job: rank, kind and saving, then evidence, action and proposed files. */
    public static List<String> lines(List<Advice> advice) {
        return lines(advice, List.of());
    }

    /** Like {@link #lines(List)}, opening with what is in place already (e.g. a CI path filter and what it skips). */
    public static List<String> lines(List<Advice> advice, List<String> inPlace) {
        List<String> lines = new ArrayList<>(inPlace);
        if (advice.isEmpty()) {
            return lines;
        }
        if (!inPlace.isEmpty()) {
            lines.add("");
        }
        AdviceRanking ranking = AdviceRanking.of(advice);
        Measure measure = ranking.measure();
        lines.add("Advice across all jobs, ranked by "
                + (measure == Measure.HOURS ? "build hours saved" : "builds avoided")
                + " a month (savings overlap, do not add them up):");
        List<AdviceRanking.Ranked> shown = ranking.shown();
        for (AdviceRanking.Ranked ranked : shown.subList(0, Math.min(TOP, shown.size()))) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%2d. %s: %s (%s)",
                    ranked.rank(),
                    ranked.advice().job(),
                    ranked.advice().kindAndSubject(),
                    "saves about " + AdviceRanking.describe(ranked.saving(), measure)));
        }
        if (shown.isEmpty()) {
            lines.add("    (no advice saves enough to show)");
        }
        if (shown.size() > TOP) {
            lines.add("    (" + (shown.size() - TOP) + " more below, each under its job; advice.csv ranks them all)");
        }
        omitted(lines, ranking.negligible(), measure);
        Map<String, List<Advice>> byJob = new LinkedHashMap<>();
        for (Advice row : advice) {
            byJob.computeIfAbsent(row.job(), job -> new ArrayList<>()).add(row);
        }
        byJob.forEach((job, rows) -> job(lines, job, rows));
        return lines;
    }

    private static void job(List<String> lines, String job, List<Advice> rows) {
        AdviceRanking ranking = AdviceRanking.of(rows);
        Measure measure = ranking.measure();
        lines.add("");
        lines.add("Advice for " + job + " (ranked by "
                + (measure == Measure.HOURS ? "build hours saved" : "builds avoided")
                + "; savings overlap, do not add them up):");
        for (AdviceRanking.Ranked ranked : ranking.shown()) {
            Advice row = ranked.advice();
            lines.add(String.format(
                    Locale.ROOT,
                    "%2d. %s: %s",
                    ranked.rank(),
                    row.kindAndSubject(),
                    row.savingHoursPerMonth() == null
                            ? "saves about " + AdviceRanking.describe(ranked.saving(), Measure.BUILDS)
                                    + " (no build durations, so no hours)"
                            : String.format(
                                    Locale.ROOT, "saves about %.2f build hours a month", row.savingHoursPerMonth())));
            indent(lines, "Evidence: ", row.evidence());
            indent(lines, "Action: ", row.action());
            if (!row.proposals().isEmpty()) {
                lines.add("    Proposed files: "
                        + String.join(", ", row.proposals().keySet()));
            }
        }
        omitted(lines, ranking.negligible(), measure);
    }

    private static void omitted(List<String> lines, int negligible, Measure measure) {
        if (negligible > 0) {
            lines.add("    (" + negligible + " more saving about " + AdviceRanking.describe(0, measure)
                    + ": left out here, listed in advice.csv)");
        }
    }

    private static void indent(List<String> lines, String label, String text) {
        String[] parts = text.split("\n");
        lines.add("    " + label + parts[0]);
        for (int i = 1; i < parts.length; i++) {
            lines.add("      " + parts[i]);
        }
    }
}
