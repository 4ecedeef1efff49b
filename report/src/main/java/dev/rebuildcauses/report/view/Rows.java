package dev.rebuildcauses.report.view;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.classify.FileVerdict;
import dev.rebuildcauses.analysis.mine.CauseStats;
import dev.rebuildcauses.analysis.mine.JobStats;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildSummary;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.report.csv.CsvNumbers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Table rows of every page, formatted exactly as the CSV exports format the same figures. */
public final class Rows {
    private Rows() {}

    public static CauseRow cause(CauseStats row) {
        return new CauseRow(
                CauseBadge.of(row.cause()),
                row.builds(),
                CsvNumbers.share(row.buildsShare()),
                CsvNumbers.hours(row.hours()),
                CsvNumbers.share(row.hoursShare()),
                CsvNumbers.minutes(row.meanMinutes()),
                CsvNumbers.minutes(row.medianMinutes()),
                CsvNumbers.minutes(row.p90Minutes()),
                row.soloBuilds(),
                CsvNumbers.share(row.soloShare()));
    }

    public static List<CauseRow> causes(List<CauseStats> rows) {
        return rows.stream().map(Rows::cause).toList();
    }

    /** Jobs ranked by the hours their best advice would save a month, then by hours, then by name. */
    public static List<JobRow> jobsByAvoidableHours(List<JobStats> jobs, List<Advice> advice) {
        Map<String, Advice> best = new HashMap<>();
        for (Advice item : AdviceCards.ranked(advice)) {
            best.putIfAbsent(item.job(), item);
        }
        Comparator<JobStats> order = Comparator.comparing(
                        (JobStats job) -> saving(best.get(job.job())), Comparator.reverseOrder())
                .thenComparing(job -> job.hours() == null ? -1 : job.hours(), Comparator.reverseOrder())
                .thenComparing(JobStats::job);
        List<JobStats> sorted = new ArrayList<>(jobs);
        sorted.sort(order);
        return sorted.stream()
                .map(job -> {
                    Advice top = best.get(job.job());
                    return new JobRow(
                            job.job(),
                            job.builds(),
                            CsvNumbers.hours(job.hours()),
                            CauseBadge.of(job.topCause()),
                            top == null ? "" : CsvNumbers.hours(top.savingHoursPerMonth()),
                            top == null ? "" : top.kind().id(),
                            job.environmentChanges(),
                            CsvNumbers.days(job.meanDaysBetweenEnvironmentChanges()));
                })
                .toList();
    }

    private static double saving(Advice advice) {
        return advice == null || advice.savingHoursPerMonth() == null
                ? Double.NEGATIVE_INFINITY
                : advice.savingHoursPerMonth();
    }

    /** A build as tables show it, with its files' verdicts when known ({@code files} may be null). */
    public static BuildRow build(ClassifiedBuild classified, List<FileVerdict> files) {
        return build(BuildSummary.of(classified), files);
    }

    /** A build as lists of builds show it (no files). */
    public static BuildRow build(BuildSummary summary) {
        return build(summary, null);
    }

    private static BuildRow build(BuildSummary summary, List<FileVerdict> files) {
        Build build = summary.build();
        String to = shortRevision(summary.toRevision());
        String from = shortRevision(summary.fromRevision());
        String range = from.isEmpty() || from.equals(to) ? to : from + ".." + to;
        List<FileRow> fileRows = files == null
                ? List.of()
                : files.stream()
                        .map(f -> new FileRow(f.path(), CauseBadge.of(f.cause()), f.reason()))
                        .toList();
        return new BuildRow(
                build.job(),
                build.number(),
                CsvNumbers.instant(build.startedAt()),
                duration(build.duration()),
                build.result(),
                build.trigger(),
                range,
                summary.commits(),
                newestSubject(summary),
                summary.causes().names().stream().map(CauseBadge::of).toList(),
                fileRows);
    }

    private static String newestSubject(BuildSummary summary) {
        if (summary.commits() == 0) {
            return "";
        }
        String subject = summary.newestSubject();
        if (subject.length() > 120) {
            subject = subject.substring(0, 119) + "…";
        }
        return summary.newestAuthor().isEmpty() ? subject : subject + " (" + summary.newestAuthor() + ")";
    }

    /** {@code 1h 02m 05s}, {@code 12m 05s}, {@code 40s}; empty when unknown. */
    public static String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = duration.toSeconds();
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm %02ds", seconds / 3600, seconds % 3600 / 60, seconds % 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        return seconds + "s";
    }

    private static String shortRevision(String revision) {
        if (revision == null) {
            return "";
        }
        return revision.length() > 10 ? revision.substring(0, 10) : revision;
    }
}
