package dev.rebuildcauses.analysis.mine;

import dev.rebuildcauses.analysis.model.Causes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The findings in plain sentences with their numbers; the last sentence is always the data quality. */
public final class SummaryWriter {
    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(Causes.ENVIRONMENT, "environment changes"),
            Map.entry(Causes.DEPENDENCIES, "dependency changes"),
            Map.entry(Causes.CI, "CI changes"),
            Map.entry(Causes.DOCS, "docs changes"),
            Map.entry(Causes.CODE, "code changes"),
            Map.entry(Causes.CONFIG, "config changes"),
            Map.entry(Causes.OTHER, "changes to other files"),
            Map.entry(Causes.EMPTY_COMMIT, "empty commits"),
            Map.entry(Causes.NO_NEW_COMMIT, "builds without a new commit"),
            Map.entry(Causes.FIRST_BUILD, "first builds"),
            Map.entry(Causes.UNKNOWN_RANGE, "builds with an unknown change range"),
            Map.entry(Causes.NO_REVISION, "builds that recorded no revision"),
            Map.entry(Causes.NO_CHANGE_SOURCE, "builds of repositories without a change source"));

    private SummaryWriter() {}

    public static List<String> sentences(Findings findings) {
        List<String> sentences = new ArrayList<>();
        if (findings.totals().builds() == 0) {
            sentences.add("There are no builds to analyse.");
        } else {
            sentences.add(costliest(findings));
            durations(findings).ifPresent(sentences::add);
            codeSolo(findings).ifPresent(sentences::add);
            sentences.add(emptyCommits(findings));
            sentences.add(environmentCadence(findings));
        }
        DataQuality quality = findings.dataQuality();
        sentences.add(
                "Data quality: " + count(quality.unknownRangeBuilds(), "build") + " with an unknown change range, "
                        + quality.noRevisionBuilds() + " without a revision, "
                        + quality.noChangeSourceBuilds() + " without a change source, "
                        + quality.buildsWithoutDuration() + " without a duration.");
        return sentences;
    }

    private static String costliest(Findings findings) {
        if (findings.causes().isEmpty()) {
            return "No build carries a cause.";
        }
        CauseStats top = findings.causes().get(0);
        if (top.hours() != null) {
            return "Most build time goes to " + describe(top.cause()) + ": " + percent(top.hoursShare())
                    + " of all build hours (" + number(top.hours()) + " of "
                    + number(findings.totals().hours())
                    + " hours, in " + count(top.builds(), "build") + ").";
        }
        CauseStats mostBuilds = findings.causes().stream()
                .max((a, b) -> a.builds() != b.builds()
                        ? Long.compare(a.builds(), b.builds())
                        : b.cause().compareTo(a.cause()))
                .orElseThrow();
        return "Without build durations, builds are counted instead: most builds come from "
                + describe(mostBuilds.cause()) + " (" + percent(mostBuilds.buildsShare()) + " of builds, "
                + count(mostBuilds.builds(), "build") + ").";
    }

    private static Optional<String> durations(Findings findings) {
        Double environment = meanMinutes(findings, Causes.ENVIRONMENT);
        Double code = meanMinutes(findings, Causes.CODE);
        if (environment != null && code != null) {
            return Optional.of("Builds that change the environment take " + number(environment)
                    + " minutes on average, against " + number(code) + " minutes for builds that change code.");
        }
        if (environment != null) {
            return Optional.of(
                    "Builds that change the environment take " + number(environment) + " minutes on average.");
        }
        if (code != null) {
            return Optional.of("Builds that change code take " + number(code) + " minutes on average.");
        }
        return Optional.empty();
    }

    private static Optional<String> codeSolo(Findings findings) {
        return row(findings, Causes.CODE)
                .map(code -> percent(code.soloShare()) + " of builds that change code change only code ("
                        + code.soloBuilds() + " of " + code.builds() + ").");
    }

    private static String emptyCommits(Findings findings) {
        Optional<CauseStats> empty = row(findings, Causes.EMPTY_COMMIT);
        if (empty.isEmpty()) {
            return "No build was an empty-commit rebuild.";
        }
        String time = findings.emptyCommitHoursShare() == null
                ? ""
                : " and " + percent(findings.emptyCommitHoursShare()) + " of build time";
        return "Empty-commit rebuilds (new commits that change no file) are "
                + percent(findings.emptyCommitBuildsShare()) + " of builds" + time + " ("
                + count(empty.get().builds(), "build") + ").";
    }

    private static String environmentCadence(Findings findings) {
        double[] means = findings.jobs().stream()
                .map(JobStats::meanDaysBetweenEnvironmentChanges)
                .filter(days -> days != null)
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        if (means.length > 0) {
            int n = means.length;
            double median = n % 2 == 1 ? means[n / 2] : (means[n / 2 - 1] + means[n / 2]) / 2;
            String days = median >= 10
                    ? String.format(Locale.ROOT, "%.0f", median)
                    : String.format(Locale.ROOT, "%.1f", median);
            return "The environment changes about once every " + days + " days (median over " + count(n, "job")
                    + " with at least two environment changes).";
        }
        long changes = row(findings, Causes.ENVIRONMENT).map(CauseStats::builds).orElse(0L);
        if (changes == 0) {
            return "No build changed the environment.";
        }
        return "The environment changed in " + count(changes, "build")
                + ", too few per job to tell how often it changes.";
    }

    private static Double meanMinutes(Findings findings, String cause) {
        return row(findings, cause).map(CauseStats::meanMinutes).orElse(null);
    }

    private static Optional<CauseStats> row(Findings findings, String cause) {
        return findings.causes().stream()
                .filter(row -> row.cause().equals(cause))
                .findFirst();
    }

    private static String describe(String cause) {
        return DESCRIPTIONS.getOrDefault(cause, "'" + cause + "' changes");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
