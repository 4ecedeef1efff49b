package dev.rebuildcauses.report.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.synthetic.SyntheticHistory;
import dev.rebuildcauses.report.pipeline.BuildExplainer;
import dev.rebuildcauses.report.pipeline.DockerfileSource;
import dev.rebuildcauses.report.pipeline.JobHistories;
import dev.rebuildcauses.report.pipeline.Report;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Analysing a history one job at a time into the compact index gives the same snapshot and the same pages
 * as analysing the whole history at once, while holding only one job's commits and files at a time.
 */
class ReportIndexByJobTest {
    private static final BuildExplainer RULES = BuildExplainer.rulesOnly(RuleSet.defaults());

    @Test
    void shouldGiveTheSameIndexAndPagesJobByJobAsAllAtOnce() throws Exception {
        // Given a history of 3,000 builds over 50 jobs, listed job by job (jobs in reverse name order, as a
        // store with another collation might list them)
        Map<String, List<BuildChanges>> byJob = byJob(SyntheticHistory.generate(3_000, 17));
        List<BuildChanges> listed =
                byJob.values().stream().flatMap(List::stream).toList();
        ReportPipeline pipeline =
                ReportPipeline.of(RuleSet.defaults()).advising(DockerfileSource.NONE, AdvisorSettings.defaults());

        // When it is analysed at once, and job by job from a source that counts what it hands out
        Report whole = pipeline.analyse(listed);
        ReportIndex atOnce = ReportIndex.of(whole, RULES, BuildRanges.inMemory(whole.builds()));
        CountingHistories counting = new CountingHistories(byJob);
        ReportIndex jobByJob = ReportIndex.byJob(pipeline, counting, RULES, BuildRanges.inMemory(whole.builds()));

        // Then every job was read once, and the index and every page are the same
        assertThat(counting.reads).containsOnlyKeys(byJob.keySet()).allSatisfy((job, reads) -> assertThat(reads)
                .isEqualTo(1));
        assertSameIndex(jobByJob, atOnce);
        assertThat(whole.advice()).isNotEmpty().isSortedAccordingTo(Comparator.comparing(Advice::job));
        assertSamePages(jobByJob, atOnce, listed);
    }

    @Test
    void shouldKeepTheSameRecentBuildsExplainedJobByJob() throws Exception {
        // Given a history listed job by job, and a pipeline that explains every file of the recent builds
        Map<String, List<BuildChanges>> byJob = byJob(SyntheticHistory.generate(2_000, 23));
        List<BuildChanges> listed =
                byJob.values().stream().flatMap(List::stream).toList();
        ReportPipeline pipeline = ReportPipeline.of(RuleSet.defaults()).explaining(RULES, false);

        // When it is analysed both ways
        Report whole = pipeline.analyse(listed);
        ReportIndex atOnce = ReportIndex.of(whole, RULES, BuildRanges.inMemory(whole.builds()));
        ReportIndex jobByJob =
                ReportIndex.byJob(pipeline, new CountingHistories(byJob), RULES, BuildRanges.inMemory(whole.builds()));

        // Then the same most recent builds carry the same explained files
        assertThat(whole.explained()).hasSize(ReportPipeline.EXPLAINED_BUILDS);
        assertThat(jobByJob.report().explained()).isEqualTo(whole.explained());
        assertSameIndex(jobByJob, atOnce);
    }

    private static void assertSameIndex(ReportIndex actual, ReportIndex expected) {
        assertThat(actual.builds()).containsExactlyElementsOf(expected.builds());
        assertThat(actual.report()).isEqualTo(expected.report());
        assertThat(actual.charts()).isEqualTo(expected.charts());
        assertThat(actual.causes()).isEqualTo(expected.causes());
        assertThat(actual.jobs().keySet())
                .containsExactlyElementsOf(expected.jobs().keySet());
        expected.jobs().forEach((job, entry) -> {
            ReportIndex.JobEntry other = actual.jobs().get(job);
            assertThat(other.builds()).containsExactlyElementsOf(entry.builds());
            assertThat(other.findings()).isEqualTo(entry.findings());
            assertThat(other.advice()).isEqualTo(entry.advice());
        });
        for (String cause : expected.causes()) {
            assertThat(actual.buildsWith(cause)).containsExactlyElementsOf(expected.buildsWith(cause));
        }
    }

    private static void assertSamePages(ReportIndex actual, ReportIndex expected, List<BuildChanges> builds)
            throws Exception {
        LocalDate today = LocalDate.of(2026, 12, 5);
        DashboardPages mine = new DashboardPages(actual, new Links("/"), "just now", List.of(), today, null);
        DashboardPages theirs = new DashboardPages(expected, new Links("/"), "just now", List.of(), today, null);
        assertThat(mine.overview()).isEqualTo(theirs.overview());
        assertThat(mine.jobs(JobsQuery.defaults())).isEqualTo(theirs.jobs(JobsQuery.defaults()));
        for (String job : expected.jobs().keySet()) {
            assertThat(mine.job(job, 0)).isEqualTo(theirs.job(job, 0));
        }
        for (String cause : expected.causes()) {
            assertThat(mine.cause(cause, 0)).isEqualTo(theirs.cause(cause, 0));
        }
        for (BuildChanges build : builds.subList(0, 100)) {
            assertThat(mine.build(build.build().job(), build.build().number()))
                    .isEqualTo(theirs.build(build.build().job(), build.build().number()));
        }
    }

    /** The builds grouped by job, jobs in reverse name order, each job's builds in the history's order. */
    private static Map<String, List<BuildChanges>> byJob(List<BuildChanges> history) {
        Map<String, List<BuildChanges>> byJob = new LinkedHashMap<>();
        history.stream()
                .map(build -> build.build().job())
                .sorted(Comparator.reverseOrder())
                .distinct()
                .forEach(job -> byJob.put(job, new ArrayList<>()));
        history.forEach(build -> byJob.get(build.build().job()).add(build));
        return byJob;
    }

    /** Hands out each job's builds and counts how often each job was read. */
    private static final class CountingHistories implements JobHistories {
        private final Map<String, List<BuildChanges>> byJob;
        final Map<String, Integer> reads = new ConcurrentHashMap<>();

        CountingHistories(Map<String, List<BuildChanges>> byJob) {
            this.byJob = byJob;
        }

        @Override
        public List<String> jobs() {
            return List.copyOf(byJob.keySet());
        }

        @Override
        public List<BuildChanges> builds(String job) {
            reads.merge(job, 1, Integer::sum);
            return byJob.get(job);
        }
    }
}
