package dev.rebuildcauses.analysis.mine;

import static dev.rebuildcauses.analysis.mine.FindingsMinerTest.build;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryWriterTest {
    @Test
    void shouldSayTheFindingsWithTheirNumbers() {
        // Given the eight hand-computed builds of the miner test
        Findings findings = FindingsMiner.mine(FindingsMinerTest.twoJobs());

        // When writing the summary
        List<String> sentences = SummaryWriter.sentences(findings);

        // Then every finding is a sentence with its numbers, data quality last
        assertThat(sentences)
                .containsExactly(
                        "Most build time goes to code changes: 60.0% of all build hours (2.0 of 3.3 hours, in 5 builds).",
                        "Builds that change the environment take 50.0 minutes on average, against 30.0 minutes for"
                                + " builds that change code.",
                        "60.0% of builds that change code change only code (3 of 5).",
                        "Empty-commit rebuilds (new commits that change no file) are 12.5% of builds and 15.0% of"
                                + " build time (1 build).",
                        "The environment changes about once every 10 days (median over 1 job with at least two"
                                + " environment changes).",
                        "Data quality: 1 build with an unknown change range, 0 without a revision, 0 without a change source, 1 without a duration.");
    }

    @Test
    void shouldCountBuildsWhenThereAreNoDurations() {
        // Given builds without durations: docs twice, code once, one environment change, no empty commit
        Findings findings = FindingsMiner.mine(List.of(
                build("x", 1, "2024-01-01T00:00:00Z", null, "docs"),
                build("x", 2, "2024-01-02T00:00:00Z", null, "docs", "code"),
                build("x", 3, "2024-01-03T00:00:00Z", null, "environment")));

        // When writing the summary
        List<String> sentences = SummaryWriter.sentences(findings);

        // Then builds stand in for time, and nothing says null or NaN
        assertThat(sentences)
                .containsExactly(
                        "Without build durations, builds are counted instead: most builds come from docs changes"
                                + " (66.7% of builds, 2 builds).",
                        "0.0% of builds that change code change only code (0 of 1).",
                        "No build was an empty-commit rebuild.",
                        "The environment changed in 1 build, too few per job to tell how often it changes.",
                        "Data quality: 0 builds with an unknown change range, 0 without a revision, 0 without a change source, 3 without a duration.");
        assertThat(String.join(" ", sentences)).doesNotContain("null", "NaN");
    }

    @Test
    void shouldTakeTheMedianCadenceOverJobs() {
        // Given three jobs whose environment changes every 2, 3 and 30 days
        Findings findings = FindingsMiner.mine(List.of(
                build("a", 1, "2024-01-01T00:00:00Z", 10, "environment"),
                build("a", 2, "2024-01-03T00:00:00Z", 10, "environment"),
                build("b", 1, "2024-01-01T00:00:00Z", 10, "environment"),
                build("b", 2, "2024-01-04T00:00:00Z", 10, "environment"),
                build("c", 1, "2024-01-01T00:00:00Z", 10, "environment"),
                build("c", 2, "2024-01-31T00:00:00Z", 10, "environment")));

        // When writing the summary, Then the median job says every 3 days, without code figures
        assertThat(SummaryWriter.sentences(findings))
                .contains(
                        "The environment changes about once every 3.0 days (median over 3 jobs with at least two"
                                + " environment changes).",
                        "Builds that change the environment take 10.0 minutes on average.")
                .noneMatch(sentence -> sentence.contains("change only code"));
    }

    @Test
    void shouldStillReportDataQualityWithoutBuilds() {
        // Given no builds, When writing the summary, Then it says so and still gives the data quality
        assertThat(SummaryWriter.sentences(FindingsMiner.mine(List.of())))
                .containsExactly(
                        "There are no builds to analyse.",
                        "Data quality: 0 builds with an unknown change range, 0 without a revision, 0 without a change source, 0 without a duration.");
    }
}
