package dev.rebuildcauses.report.csv;

import dev.rebuildcauses.analysis.mine.CauseStats;
import dev.rebuildcauses.analysis.mine.CombinationStats;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.mine.JobStats;
import dev.rebuildcauses.analysis.mine.WeeklyCauseCount;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildSummary;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.model.RangeStatus;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes the CSV exports (UTF-8, RFC 4180, one header row) and {@code summary.txt} into one folder.
 * The headers are a contract that scheduled exports keep: change them only by adding columns at the end.
 */
public final class CsvReportWriter {
    public static final String BUILDS = "builds.csv";
    public static final String CAUSES = "causes.csv";
    public static final String COMBINATIONS = "combinations.csv";
    public static final String JOBS = "jobs.csv";
    public static final String WEEKLY = "weekly.csv";
    public static final String SUMMARY = "summary.txt";

    static final List<String> BUILDS_HEADER = List.of(
            "job",
            "build",
            "started_at",
            "duration_s",
            "result",
            "trigger",
            "revision",
            "previous_revision",
            "commits",
            "files_changed",
            "causes");
    static final List<String> CAUSES_HEADER = List.of(
            "cause",
            "builds",
            "builds_share",
            "hours",
            "hours_share",
            "mean_min",
            "median_min",
            "p90_min",
            "solo_builds",
            "solo_share");
    static final List<String> COMBINATIONS_HEADER = List.of("causes", "builds", "hours");
    static final List<String> JOBS_HEADER = List.of(
            "job", "builds", "hours", "top_cause", "environment_changes", "mean_days_between_environment_changes");
    static final List<String> WEEKLY_HEADER = List.of("week", "cause", "builds", "hours");

    private final Path directory;

    public CsvReportWriter(Path directory) {
        this.directory = directory;
    }

    /** Writes every export and returns the files written, in a fixed order. */
    public List<Path> write(Collection<ClassifiedBuild> builds, Findings findings, List<String> summary)
            throws IOException {
        List<Path> written = new ArrayList<>();
        written.add(writeBuilds(builds));
        written.addAll(writeFindings(findings, summary));
        return written;
    }

    /**
     * Writes {@code builds.csv} alone: it needs no findings, so a caller may write it while mining.
     * With {@link #writeFindings} it makes the same files as {@link #write}.
     */
    public Path writeBuilds(Collection<ClassifiedBuild> builds) throws IOException {
        Files.createDirectories(directory);
        return csv(BUILDS, writer -> writeBuilds(builds, writer));
    }

    /** The rows of {@code builds.csv} with its header, to any writer (a download of a page's table). */
    public static void writeBuilds(Collection<ClassifiedBuild> builds, Writer writer) throws IOException {
        Rfc4180Writer printer = table(writer, BUILDS_HEADER);
        for (ClassifiedBuild build : builds) {
            printer.record(buildRow(BuildSummary.of(build)));
        }
    }

    /** The rows of {@code builds.csv} with its header, from builds kept without their commits and files. */
    public static void writeBuildSummaries(Iterable<BuildSummary> builds, Writer writer) throws IOException {
        Rfc4180Writer printer = table(writer, BUILDS_HEADER);
        for (BuildSummary build : builds) {
            printer.record(buildRow(build));
        }
    }

    /** Writes every export but {@code builds.csv}, and {@code summary.txt}; returns the files written, in a fixed order. */
    public List<Path> writeFindings(Findings findings, List<String> summary) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        written.add(csv(CAUSES, writer -> writeCauses(findings.causes(), writer)));
        written.add(csv(COMBINATIONS, writer -> writeCombinations(findings.combinations(), writer)));
        written.add(csv(JOBS, writer -> writeJobs(findings.jobs(), writer)));
        written.add(csv(WEEKLY, writer -> writeWeekly(findings.weekly(), writer)));
        Path summaryFile = directory.resolve(SUMMARY);
        AtomicFile.write(summaryFile, writer -> {
            for (String sentence : summary) {
                writer.write(sentence);
                writer.write('\n');
            }
        });
        written.add(summaryFile);
        return written;
    }

    /** The rows of {@code causes.csv} with its header. */
    public static void writeCauses(List<CauseStats> causes, Writer writer) throws IOException {
        Rfc4180Writer printer = table(writer, CAUSES_HEADER);
        for (CauseStats row : causes) {
            printer.record(
                    text(row.cause()),
                    CsvNumbers.count(row.builds()),
                    CsvNumbers.share(row.buildsShare()),
                    CsvNumbers.hours(row.hours()),
                    CsvNumbers.share(row.hoursShare()),
                    CsvNumbers.minutes(row.meanMinutes()),
                    CsvNumbers.minutes(row.medianMinutes()),
                    CsvNumbers.minutes(row.p90Minutes()),
                    CsvNumbers.count(row.soloBuilds()),
                    CsvNumbers.share(row.soloShare()));
        }
    }

    /** The rows of {@code combinations.csv} with its header. */
    public static void writeCombinations(List<CombinationStats> combinations, Writer writer) throws IOException {
        Rfc4180Writer printer = table(writer, COMBINATIONS_HEADER);
        for (CombinationStats row : combinations) {
            printer.record(text(row.causes().key()), CsvNumbers.count(row.builds()), CsvNumbers.hours(row.hours()));
        }
    }

    /** The rows of {@code jobs.csv} with its header. */
    public static void writeJobs(List<JobStats> jobs, Writer writer) throws IOException {
        Rfc4180Writer printer = table(writer, JOBS_HEADER);
        for (JobStats row : jobs) {
            printer.record(
                    text(row.job()),
                    CsvNumbers.count(row.builds()),
                    CsvNumbers.hours(row.hours()),
                    text(row.topCause()),
                    CsvNumbers.count(row.environmentChanges()),
                    CsvNumbers.days(row.meanDaysBetweenEnvironmentChanges()));
        }
    }

    /** The rows of {@code weekly.csv} with its header. */
    public static void writeWeekly(List<WeeklyCauseCount> weekly, Writer writer) throws IOException {
        Rfc4180Writer printer = table(writer, WEEKLY_HEADER);
        for (WeeklyCauseCount row : weekly) {
            printer.record(
                    row.weekStart().toString(),
                    text(row.cause()),
                    CsvNumbers.count(row.builds()),
                    CsvNumbers.hours(row.hours()));
        }
    }

    private static Rfc4180Writer table(Writer writer, List<String> header) throws IOException {
        Rfc4180Writer printer = new Rfc4180Writer(writer);
        printer.record(header);
        return printer;
    }

    private static List<String> buildRow(BuildSummary summary) {
        Build build = summary.build();
        // a first build or an unknown range has no commit count to speak of: empty, never a made-up 0
        boolean counted = summary.status() == RangeStatus.RESOLVED || summary.status() == RangeStatus.NO_NEW_COMMIT;
        String revision = summary.toRevision() != null ? summary.toRevision() : build.revision();
        return List.of(
                text(build.job()),
                Long.toString(build.number()),
                CsvNumbers.instant(build.startedAt()),
                CsvNumbers.seconds(build.duration()),
                text(build.result()),
                text(build.trigger()),
                text(revision),
                text(summary.fromRevision()),
                counted ? CsvNumbers.count(summary.commits()) : "",
                counted ? CsvNumbers.count(summary.files()) : "",
                text(summary.causes().key()));
    }

    private static String text(String value) {
        return SpreadsheetSafeText.of(value);
    }

    private Path csv(String name, AtomicFile.Body body) throws IOException {
        Path file = directory.resolve(name);
        AtomicFile.write(file, body);
        return file;
    }
}
