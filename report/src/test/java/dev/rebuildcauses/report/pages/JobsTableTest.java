package dev.rebuildcauses.report.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.synthetic.SyntheticHistory;
import dev.rebuildcauses.report.pipeline.BuildExplainer;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JobsTableTest {
    private static ReportIndex index;

    @BeforeAll
    static void indexASyntheticHistory() throws Exception {
        index = ReportIndex.of(
                ReportPipeline.of(RuleSet.defaults()).analyse(SyntheticHistory.generate(5_000, 7)),
                BuildExplainer.rulesOnly(RuleSet.defaults()));
    }

    @Test
    void shouldMineEveryJobAloneAndFindItsBuilds() {
        ReportIndex.JobEntry job = index.jobs().values().iterator().next();

        assertThat(job.findings().jobs()).hasSize(1);
        assertThat(job.findings().totals().builds()).isEqualTo(job.builds().size());
        long number = job.builds().get(job.builds().size() / 2).build().number();
        assertThat(job.build(number))
                .hasValueSatisfying(b -> assertThat(b.build().number()).isEqualTo(number));
        assertThat(job.build(-1)).isEmpty();
    }

    @Test
    void shouldFilterByFolderAndNameAndPage() {
        JobsQuery query = new JobsQuery("images/team-1", "IMAGE-1", null, null, JobsQuery.Sort.JOB, false, 1, 2);

        JobsTable.Result result = index.jobsTable().query(query);

        assertThat(result.matching()).isNotEmpty().allSatisfy(row -> assertThat(row.job())
                .startsWith("images/team-1/image-1"));
        assertThat(result.rows()).hasSize(Math.min(2, result.matching().size()));
        assertThat(result.pages()).isEqualTo((result.matching().size() + 1) / 2);
        assertThat(result.matching()).isSortedAccordingTo((a, b) -> a.job().compareTo(b.job()));
    }

    @Test
    void shouldSortByHoursLargestFirstWithUnknownLast() {
        List<JobFigures> rows = index.jobsTable().query(JobsQuery.defaults()).matching();

        for (int i = 1; i < rows.size(); i++) {
            Double before = rows.get(i - 1).stats().hours();
            Double after = rows.get(i).stats().hours();
            assertThat(before == null && after != null)
                    .as("unknown hours sort last")
                    .isFalse();
            if (before != null && after != null) {
                assertThat(before).isGreaterThanOrEqualTo(after);
            }
        }
    }

    @Test
    void shouldMineATimeWindowFromTheWindowsBuildsOnly() {
        LocalDate day = index.builds()
                .get(0)
                .build()
                .startedAt()
                .atZone(java.time.ZoneOffset.UTC)
                .toLocalDate();
        JobsQuery window = new JobsQuery("", "", day, day, JobsQuery.Sort.BUILDS, true, 1, 500);

        long inWindow = index.jobsTable().query(window).matching().stream()
                .mapToLong(row -> row.stats().builds())
                .sum();

        long expected = index.builds().stream()
                .filter(b -> b.build()
                        .startedAt()
                        .atZone(java.time.ZoneOffset.UTC)
                        .toLocalDate()
                        .equals(day))
                .count();
        assertThat(inWindow).isEqualTo(expected).isPositive();
    }

    @Test
    void shouldEncodeHostileJobNamesInLinks() {
        Links links = new Links("/");

        assertThat(links.job("<script>alert(1)</script>"))
                .isEqualTo("/job?name=%3Cscript%3Ealert%281%29%3C%2Fscript%3E");
        assertThat(links.build("a/b c%2Fd", 3)).isEqualTo("/build?job=a%2Fb%20c%252Fd&number=3");
        assertThat(links.jobs(new JobsQuery("images", "py", null, null, JobsQuery.Sort.SAVING, true, 2, 50)))
                .isEqualTo("/jobs?folder=images&q=py&sort=saving&dir=desc&page=2");
        assertThat(links.api("/jobs?folder=images")).isEqualTo("/api/jobs?folder=images");
        assertThat(links.api("/")).isEqualTo("/api/overview");
    }
}
