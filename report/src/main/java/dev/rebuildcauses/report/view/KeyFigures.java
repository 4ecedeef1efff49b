package dev.rebuildcauses.report.view;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.mine.CauseStats;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.mine.JobStats;
import dev.rebuildcauses.analysis.model.Causes;
import dev.rebuildcauses.report.csv.CsvNumbers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The seed findings of DESIGN.md as numbers, each equal to a cell of the CSV exports (shares shown as
 * percentages with the export's digits): the longest mean duration by cause, code's share of builds and
 * of hours, the code-alone and CI-alone shares, the empty-commit share of time, the environment cadence,
 * and the largest saving.
 */
public final class KeyFigures {
    private KeyFigures() {}

    public static List<KeyFigure> of(Findings findings, List<Advice> rankedAdvice) {
        List<KeyFigure> figures = new ArrayList<>();
        findings.causes().stream()
                .filter(row -> row.meanMinutes() != null)
                .max(Comparator.comparing(CauseStats::meanMinutes))
                .ifPresent(row -> figures.add(new KeyFigure(
                        "longest-mean",
                        "longest mean build: " + row.cause(),
                        CsvNumbers.minutes(row.meanMinutes()) + " min",
                        "causes.csv: " + row.cause() + ", mean_min",
                        CsvNumbers.minutes(row.meanMinutes()))));
        cause(findings, Causes.CODE).ifPresent(code -> {
            figures.add(share("code-builds", "of builds change code", code.buildsShare(), "code, builds_share"));
            if (code.hoursShare() != null) {
                figures.add(share("code-hours", "of build hours change code", code.hoursShare(), "code, hours_share"));
            }
            figures.add(share(
                    "code-alone", "of builds that change code change only code", code.soloShare(), "code, solo_share"));
        });
        cause(findings, Causes.CI)
                .ifPresent(ci -> figures.add(share(
                        "ci-alone", "of builds that change CI change only CI", ci.soloShare(), "ci, solo_share")));
        cause(findings, Causes.EMPTY_COMMIT).ifPresent(empty -> {
            if (empty.hoursShare() != null) {
                figures.add(share(
                        "empty-commit-hours",
                        "of build hours are empty-commit rebuilds",
                        empty.hoursShare(),
                        "empty-commit, hours_share"));
            } else {
                figures.add(share(
                        "empty-commit-builds",
                        "of builds are empty-commit rebuilds",
                        empty.buildsShare(),
                        "empty-commit, builds_share"));
            }
        });
        EnvironmentCadence.median(findings.jobs())
                .ifPresent(days -> figures.add(new KeyFigure(
                        "environment-cadence",
                        "days between environment changes (median over jobs)",
                        CsvNumbers.days(days) + " days",
                        "jobs.csv: median of mean_days_between_environment_changes",
                        CsvNumbers.days(days))));
        rankedAdvice.stream()
                .filter(Advice::hasSaving)
                .findFirst()
                .ifPresent(top -> figures.add(new KeyFigure(
                        "top-saving",
                        "build hours a month saved by the best advice ("
                                + top.kind().id() + ", " + top.job() + ")",
                        CsvNumbers.hours(top.savingHoursPerMonth()) + " h",
                        "advice.csv: " + top.job() + ", " + top.kind().id() + ", saving_hours_per_month",
                        CsvNumbers.hours(top.savingHoursPerMonth()))));
        return figures;
    }

    private static KeyFigure share(String id, String label, double value, String column) {
        String exported = CsvNumbers.share(value);
        return new KeyFigure(id, label, Percent.of(exported), "causes.csv: " + column, exported);
    }

    static Optional<CauseStats> cause(Findings findings, String cause) {
        return findings.causes().stream()
                .filter(row -> row.cause().equals(cause))
                .findFirst();
    }

    /** The environment-change cadence across jobs. */
    public static final class EnvironmentCadence {
        private EnvironmentCadence() {}

        /** The median over jobs with at least two environment changes of their mean days between them. */
        public static Optional<Double> median(List<JobStats> jobs) {
            double[] means = jobs.stream()
                    .map(JobStats::meanDaysBetweenEnvironmentChanges)
                    .filter(days -> days != null)
                    .mapToDouble(Double::doubleValue)
                    .sorted()
                    .toArray();
            if (means.length == 0) {
                return Optional.empty();
            }
            int n = means.length;
            return Optional.of(n % 2 == 1 ? means[n / 2] : (means[n / 2 - 1] + means[n / 2]) / 2);
        }

        /** How many jobs the median is taken over. */
        public static long jobs(List<JobStats> jobs) {
            return jobs.stream()
                    .filter(job -> job.meanDaysBetweenEnvironmentChanges() != null)
                    .count();
        }
    }
}
