package dev.rebuildcauses.report.view;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.mine.CauseStats;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.model.Causes;
import dev.rebuildcauses.report.csv.CsvNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answer a report opens with: three to five plain sentences with the numbers (where the build hours
 * go, code-only rebuilds, empty-commit rebuilds, the environment's cadence, the single best change), each
 * number formatted as the export that holds it.
 */
public final class Answer {
    private Answer() {}

    public static List<String> sentences(Findings findings, List<Advice> rankedAdvice) {
        List<String> sentences = new ArrayList<>();
        if (findings.totals().builds() == 0) {
            sentences.add("There are no builds in this report, so there is nothing to answer yet.");
            return sentences;
        }
        boolean timed = findings.totals().hours() != null;
        sentences.add(whereTimeGoes(findings, timed));
        KeyFigures.cause(findings, Causes.CODE).ifPresent(code -> sentences.add(codeOnly(code, timed)));
        sentences.add(emptyCommits(findings, timed));
        cadence(findings).ifPresent(sentences::add);
        sentences.add(bestChange(rankedAdvice));
        return sentences;
    }

    private static String whereTimeGoes(Findings findings, boolean timed) {
        if (findings.causes().isEmpty()) {
            return "No build carries a cause.";
        }
        if (timed) {
            CauseStats top = findings.causes().get(0);
            return "Most build time goes to " + top.cause() + " changes: " + percent(top.hoursShare()) + " of "
                    + CsvNumbers.hours(findings.totals().hours()) + " build hours (" + count(top.builds(), "build")
                    + " of " + findings.totals().builds() + ").";
        }
        CauseStats top = findings.causes().stream()
                .max((a, b) -> Long.compare(a.builds(), b.builds()))
                .orElseThrow();
        return "Without build durations, builds are counted: most come from " + top.cause() + " changes ("
                + percent(top.buildsShare()) + " of " + count(findings.totals().builds(), "build") + ").";
    }

    private static String codeOnly(CauseStats code, boolean timed) {
        String share = timed && code.hoursShare() != null
                ? percent(code.buildsShare()) + " of builds and " + percent(code.hoursShare()) + " of build hours"
                : percent(code.buildsShare()) + " of builds";
        return "Code changes cause " + share + "; " + percent(code.soloShare())
                + " of the builds that change code change nothing else, yet each rebuilds the whole image.";
    }

    private static String emptyCommits(Findings findings, boolean timed) {
        Optional<CauseStats> empty = KeyFigures.cause(findings, Causes.EMPTY_COMMIT);
        if (empty.isEmpty()) {
            return "No build was an empty-commit rebuild.";
        }
        CauseStats row = empty.get();
        return "Empty commits pushed only to rebuild (" + count(row.builds(), "build") + ") take "
                + (timed && row.hoursShare() != null
                        ? percent(row.hoursShare()) + " of build hours."
                        : percent(row.buildsShare()) + " of builds.");
    }

    private static Optional<String> cadence(Findings findings) {
        return KeyFigures.EnvironmentCadence.median(findings.jobs())
                .map(days -> "The environment changes about once every " + CsvNumbers.days(days)
                        + " days (median over " + count(KeyFigures.EnvironmentCadence.jobs(findings.jobs()), "job")
                        + "), far less often than the code.");
    }

    private static String bestChange(List<Advice> rankedAdvice) {
        Optional<Advice> best = rankedAdvice.stream().filter(Advice::hasSaving).findFirst();
        if (best.isPresent()) {
            Advice top = best.get();
            return "The single change that would save the most: " + lower(AdviceCards.headline(top.kind())) + " for "
                    + top.job() + ", about " + CsvNumbers.hours(top.savingHoursPerMonth())
                    + " build hours a month.";
        }
        if (!rankedAdvice.isEmpty()) {
            Advice top = rankedAdvice.get(0);
            return "First advice: " + lower(AdviceCards.headline(top.kind())) + " for " + top.job()
                    + " (no durations, so no saving in hours).";
        }
        return "There is no advice for these builds.";
    }

    private static String lower(String headline) {
        return Character.toLowerCase(headline.charAt(0)) + headline.substring(1);
    }

    private static String percent(Double share) {
        return Percent.of(CsvNumbers.share(share));
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
