package dev.rebuildcauses.report.pages;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.classify.FileVerdict;
import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.mine.FindingsMiner;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.BuildSummary;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.report.chart.RenderedChart;
import dev.rebuildcauses.report.html.ChartSet;
import dev.rebuildcauses.report.pipeline.BuildExplainer;
import dev.rebuildcauses.report.pipeline.BuildKey;
import dev.rebuildcauses.report.pipeline.JobDockerfiles;
import dev.rebuildcauses.report.pipeline.JobHistories;
import dev.rebuildcauses.report.pipeline.Report;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import dev.rebuildcauses.report.pipeline.SourceException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A report arranged for pages: per job its builds, findings and advice; per cause the builds that carry
 * it. Built once per harvest (mining every job once), then only read, by any number of threads. It keeps
 * every build as a compact row (no commits, no files): the page of one build reads its range from
 * {@link BuildRanges}.
 */
public final class ReportIndex {
    private final Report report;
    private final BuildTable table;
    private final Map<String, JobEntry> jobs;
    private final Map<String, BuildList> causeBuilds;
    private final BuildExplainer explainer;
    private final BuildRanges ranges;
    private final List<RenderedChart> charts;
    private final Instant firstStart;
    private final Instant lastStart;
    private final JobsTable jobsTable;

    private ReportIndex(
            Report report,
            BuildTable table,
            Map<String, JobEntry> jobs,
            Map<String, BuildList> causeBuilds,
            BuildExplainer explainer,
            BuildRanges ranges,
            List<RenderedChart> charts) {
        this.report = report;
        this.table = table;
        this.jobs = Collections.unmodifiableMap(jobs);
        this.causeBuilds = Collections.unmodifiableMap(causeBuilds);
        this.explainer = explainer;
        this.ranges = ranges;
        this.charts = List.copyOf(charts);
        BuildList all = new BuildList(table, IntStream.range(0, table.size()).toArray());
        this.firstStart = all.firstStart();
        this.lastStart = all.lastStart();
        this.jobsTable = new JobsTable(this);
    }

    /** The jobs table: every job's figures, filtered, ordered and paged on request. */
    public JobsTable jobsTable() {
        return jobsTable;
    }

    /**
     * One job's share of the report.
     *
     * @param builds its builds by number, oldest first
     * @param findings mined from its builds alone
     * @param advice its advice, most hours saved first
     * @param dockerfiles its Dockerfiles as the advisor saw them, or {@code null}
     */
    public record JobEntry(
            String job, List<BuildSummary> builds, Findings findings, List<Advice> advice, JobDockerfiles dockerfiles) {
        /** The build numbered {@code number}, found by binary search. */
        public Optional<BuildSummary> build(long number) {
            int low = 0;
            int high = builds.size() - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                long at = numberAt(middle);
                if (at < number) {
                    low = middle + 1;
                } else if (at > number) {
                    high = middle - 1;
                } else {
                    return Optional.of(builds.get(middle));
                }
            }
            return Optional.empty();
        }

        private long numberAt(int index) {
            return builds instanceof BuildList list
                    ? list.number(index)
                    : builds.get(index).build().number();
        }

        /** Its builds as mining and charts read them: causes and range status, no commits or files. */
        public List<ClassifiedBuild> classifiedBuilds() {
            return builds instanceof BuildList list
                    ? list.classified()
                    : builds.stream().map(BuildSummary::classified).toList();
        }

        /** The best advice: the one saving most hours, if any. */
        public Optional<Advice> bestAdvice() {
            return advice.isEmpty() ? Optional.empty() : Optional.of(advice.get(0));
        }
    }

    /**
     * Indexes {@code report}, keeping every build's range in memory for the pages of single builds;
     * {@code explainer} says why each file of a build has its cause on the build pages of builds the
     * report did not explain (classification by rules, cheap for one build).
     */
    public static ReportIndex of(Report report, BuildExplainer explainer) {
        return of(report, explainer, BuildRanges.inMemory(report.builds()));
    }

    /**
     * Indexes {@code report} without its builds' commits and files: the page of one build reads them
     * from {@code ranges}. The report's builds are not kept.
     */
    public static ReportIndex of(Report report, BuildExplainer explainer, BuildRanges ranges) {
        return of(report, BuildTable.of(report.builds()), report.builds(), explainer, ranges);
    }

    /**
     * Analyses {@code history} with {@code pipeline} one job at a time straight into an index: only one
     * job's commits and files are in memory at once, every build is kept as its compact row as soon as its
     * job is done. The page of one build reads its range from {@code ranges}. The index equals
     * {@link #of(Report, BuildExplainer, BuildRanges)} of {@link ReportPipeline#analyse} over the same
     * history listed job by job in the order {@link JobHistories#jobs()} lists the jobs.
     */
    public static ReportIndex byJob(
            ReportPipeline pipeline, JobHistories history, BuildExplainer explainer, BuildRanges ranges)
            throws IOException, SourceException {
        BuildTable.Rows rows = new BuildTable.Rows(0);
        Report report = pipeline.analyseByJob(history, rows);
        return of(report, rows.table(), rows.classified(), explainer, ranges);
    }

    /** The index of {@code report} whose builds are {@code table}; {@code classified} the same, as charts read them. */
    private static ReportIndex of(
            Report report,
            BuildTable table,
            List<ClassifiedBuild> classified,
            BuildExplainer explainer,
            BuildRanges ranges) {
        Map<String, List<Integer>> byJob = new TreeMap<>();
        Map<String, List<Integer>> byCause = new TreeMap<>();
        for (int row = 0; row < table.size(); row++) {
            byJob.computeIfAbsent(table.job(row), job -> new ArrayList<>()).add(row);
            for (String cause : table.causes(row).names()) {
                byCause.computeIfAbsent(cause, c -> new ArrayList<>()).add(row);
            }
        }
        Map<String, List<Advice>> adviceByJob = new HashMap<>();
        for (Advice advice : report.advice()) {
            adviceByJob.computeIfAbsent(advice.job(), job -> new ArrayList<>()).add(advice);
        }
        Map<String, JobDockerfiles> dockerfiles = new HashMap<>();
        report.dockerfiles().forEach(files -> dockerfiles.put(files.job(), files));
        Map<String, JobEntry> jobs = new TreeMap<>();
        for (Map.Entry<String, List<Integer>> job : byJob.entrySet()) {
            List<Integer> rows = job.getValue();
            rows.sort(Comparator.comparingLong(table::number)); // stable: equal numbers keep the report's order
            BuildList builds = new BuildList(
                    table, rows.stream().mapToInt(Integer::intValue).toArray());
            List<Advice> advice = new ArrayList<>(adviceByJob.getOrDefault(job.getKey(), List.of()));
            advice.sort(MOST_SAVED_FIRST);
            jobs.put(
                    job.getKey(),
                    new JobEntry(
                            job.getKey(),
                            builds,
                            FindingsMiner.mine(builds.classified()),
                            List.copyOf(advice),
                            dockerfiles.get(job.getKey())));
        }
        Map<String, BuildList> causes = new TreeMap<>();
        Comparator<Integer> newestFirst = Comparator.comparing(table::startedAt)
                .thenComparing(table::job)
                .thenComparingLong(table::number)
                .reversed();
        byCause.forEach((cause, rows) -> {
            rows.sort(newestFirst);
            causes.put(
                    cause,
                    new BuildList(
                            table, rows.stream().mapToInt(Integer::intValue).toArray()));
        });
        List<RenderedChart> charts = ChartSet.render(report, classified);
        Report withoutBuilds = new Report(
                List.of(),
                report.findings(),
                report.summary(),
                report.advice(),
                report.adviceText(),
                report.dockerfiles(),
                report.explained(),
                report.advisor());
        return new ReportIndex(withoutBuilds, table, jobs, causes, explainer, ranges, charts);
    }

    /** Most hours saved first, advice without an estimate last, then by kind so ties never move. */
    public static final Comparator<Advice> MOST_SAVED_FIRST = Comparator.comparing(
                    (Advice advice) -> advice.savingHoursPerMonth() == null
                            ? Double.NEGATIVE_INFINITY
                            : advice.savingHoursPerMonth(),
                    Comparator.reverseOrder())
            .thenComparing(Advice::job)
            .thenComparing(Advice::kind);

    /**
     * The report's findings, advice, Dockerfiles and explained files; its {@link Report#builds()} is empty:
     * the builds are {@link #builds()}, kept compact.
     */
    public Report report() {
        return report;
    }

    /** Every build, in the report's order. */
    public List<BuildSummary> builds() {
        return new BuildList(table, IntStream.range(0, table.size()).toArray());
    }

    /** How many builds the report holds. */
    public int buildCount() {
        return table.size();
    }

    /** The earliest start of any build, empty without builds. */
    public Optional<Instant> firstStart() {
        return Optional.ofNullable(firstStart);
    }

    /** The latest start of any build, empty without builds. */
    public Optional<Instant> lastStart() {
        return Optional.ofNullable(lastStart);
    }

    /** The instance's charts, drawn when the index was built (they need every build's causes). */
    public List<RenderedChart> charts() {
        return charts;
    }

    /** Every job by name. */
    public Map<String, JobEntry> jobs() {
        return jobs;
    }

    public Optional<JobEntry> job(String name) {
        return Optional.ofNullable(jobs.get(name));
    }

    /** The builds carrying {@code cause}, newest first; empty for a cause no build carries. */
    public List<BuildSummary> buildsWith(String cause) {
        List<BuildSummary> builds = causeBuilds.get(cause);
        return builds == null ? List.of() : builds;
    }

    /** Every cause some build carries, by name. */
    public List<String> causes() {
        return List.copyOf(causeBuilds.keySet());
    }

    public Optional<BuildSummary> build(String job, long number) {
        return job(job).flatMap(entry -> entry.build(number));
    }

    /** The change range of {@code build} (its commits and files), read from where the ranges are kept. */
    public ChangeRange range(BuildSummary build) throws BuildRangeException {
        return ranges.range(build.build())
                .orElseThrow(() -> new BuildRangeException(
                        "the range of " + build.build().job() + " #"
                                + build.build().number() + " is no longer where it was read from",
                        null));
    }

    /** Whether the report explained the files of {@code build} (with inference where a clone allowed it). */
    public boolean isExplained(Build build) {
        return report.explained().containsKey(BuildKey.of(build));
    }

    /**
     * Every changed file of {@code build}, whose range is {@code range}, with its cause and why: as the
     * report explained it when it did (the most recent builds), else by the rules.
     */
    public List<FileVerdict> files(Build build, ChangeRange range) throws SnapshotException {
        List<FileVerdict> explained = report.explained().get(BuildKey.of(build));
        if (explained != null) {
            return explained;
        }
        return explainer.explain(new BuildChanges(build, range)).files();
    }
}
