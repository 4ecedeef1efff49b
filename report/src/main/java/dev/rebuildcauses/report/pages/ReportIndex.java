package dev.rebuildcauses.report.pages;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.classify.FileVerdict;
import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.mine.FindingsMiner;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.report.pipeline.BuildExplainer;
import dev.rebuildcauses.report.pipeline.BuildKey;
import dev.rebuildcauses.report.pipeline.JobDockerfiles;
import dev.rebuildcauses.report.pipeline.Report;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A report arranged for pages: per job its builds, findings and advice; per cause the builds that carry
 * it. Built once per harvest (mining every job once), then only read, by any number of threads.
 */
public final class ReportIndex {
    private final Report report;
    private final Map<String, JobEntry> jobs;
    private final Map<String, List<ClassifiedBuild>> causeBuilds;
    private final BuildExplainer explainer;
    private final JobsTable jobsTable;

    private ReportIndex(
            Report report,
            Map<String, JobEntry> jobs,
            Map<String, List<ClassifiedBuild>> causeBuilds,
            BuildExplainer explainer) {
        this.report = report;
        this.jobs = Collections.unmodifiableMap(jobs);
        this.causeBuilds = Collections.unmodifiableMap(causeBuilds);
        this.explainer = explainer;
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
            String job,
            List<ClassifiedBuild> builds,
            Findings findings,
            List<Advice> advice,
            JobDockerfiles dockerfiles) {
        /** The build numbered {@code number}, found by binary search. */
        public Optional<ClassifiedBuild> build(long number) {
            int low = 0;
            int high = builds.size() - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                long at = builds.get(middle).build().number();
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

        /** The best advice: the one saving most hours, if any. */
        public Optional<Advice> bestAdvice() {
            return advice.isEmpty() ? Optional.empty() : Optional.of(advice.get(0));
        }
    }

    /**
     * Indexes {@code report}; {@code explainer} says why each file of a build has its cause on the build
     * pages of builds the report did not explain (classification by rules, cheap for one build).
     */
    public static ReportIndex of(Report report, BuildExplainer explainer) {
        Map<String, List<ClassifiedBuild>> byJob = new TreeMap<>();
        Map<String, List<ClassifiedBuild>> byCause = new TreeMap<>();
        for (ClassifiedBuild build : report.builds()) {
            byJob.computeIfAbsent(build.build().job(), job -> new ArrayList<>()).add(build);
            for (String cause : build.causes().names()) {
                byCause.computeIfAbsent(cause, c -> new ArrayList<>()).add(build);
            }
        }
        Map<String, List<Advice>> adviceByJob = new HashMap<>();
        for (Advice advice : report.advice()) {
            adviceByJob.computeIfAbsent(advice.job(), job -> new ArrayList<>()).add(advice);
        }
        Map<String, JobDockerfiles> dockerfiles = new HashMap<>();
        report.dockerfiles().forEach(files -> dockerfiles.put(files.job(), files));
        Map<String, JobEntry> jobs = new TreeMap<>();
        for (Map.Entry<String, List<ClassifiedBuild>> job : byJob.entrySet()) {
            List<ClassifiedBuild> builds = job.getValue();
            builds.sort(Comparator.comparingLong(b -> b.build().number()));
            List<Advice> advice = new ArrayList<>(adviceByJob.getOrDefault(job.getKey(), List.of()));
            advice.sort(MOST_SAVED_FIRST);
            jobs.put(
                    job.getKey(),
                    new JobEntry(
                            job.getKey(),
                            List.copyOf(builds),
                            FindingsMiner.mine(builds),
                            List.copyOf(advice),
                            dockerfiles.get(job.getKey())));
        }
        Map<String, List<ClassifiedBuild>> causes = new TreeMap<>();
        byCause.forEach((cause, builds) -> {
            builds.sort(NEWEST_FIRST);
            causes.put(cause, List.copyOf(builds));
        });
        return new ReportIndex(report, jobs, causes, explainer);
    }

    /** Most hours saved first, advice without an estimate last, then by kind so ties never move. */
    public static final Comparator<Advice> MOST_SAVED_FIRST = Comparator.comparing(
                    (Advice advice) -> advice.savingHoursPerMonth() == null
                            ? Double.NEGATIVE_INFINITY
                            : advice.savingHoursPerMonth(),
                    Comparator.reverseOrder())
            .thenComparing(Advice::job)
            .thenComparing(Advice::kind);

    /** Latest start first; ties by job and number. */
    public static final Comparator<ClassifiedBuild> NEWEST_FIRST = Comparator.comparing(
                    (ClassifiedBuild b) -> b.build().startedAt())
            .thenComparing(b -> b.build().job())
            .thenComparingLong(b -> b.build().number())
            .reversed();

    public Report report() {
        return report;
    }

    /** Every job by name. */
    public Map<String, JobEntry> jobs() {
        return jobs;
    }

    public Optional<JobEntry> job(String name) {
        return Optional.ofNullable(jobs.get(name));
    }

    /** The builds carrying {@code cause}, newest first; empty for a cause no build carries. */
    public List<ClassifiedBuild> buildsWith(String cause) {
        return causeBuilds.getOrDefault(cause, List.of());
    }

    /** Every cause some build carries, by name. */
    public List<String> causes() {
        return List.copyOf(causeBuilds.keySet());
    }

    public Optional<ClassifiedBuild> build(String job, long number) {
        return job(job).flatMap(entry -> entry.build(number));
    }

    /**
     * Every changed file of {@code build} with its cause and why: as the report explained it when it
     * did (the most recent builds, with inference where a clone allowed it), else by the rules.
     */
    public List<FileVerdict> files(ClassifiedBuild build) throws SnapshotException {
        List<FileVerdict> explained = report.explained().get(BuildKey.of(build.build()));
        if (explained != null) {
            return explained;
        }
        return explainer.explain(new BuildChanges(build.build(), build.range())).files();
    }
}
