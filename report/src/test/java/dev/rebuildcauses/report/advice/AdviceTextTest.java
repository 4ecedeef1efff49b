package dev.rebuildcauses.report.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.advice.AdviceKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdviceTextTest {

    @Test
    void shouldHeadWithOneRankingAcrossJobsThenRenderEachJob() {
        // Given two jobs with durations, one piece of advice saving nothing worth showing
        List<Advice> advice = List.of(
                new Advice(
                        "a", AdviceKind.BASE_IMAGE, 2.5, "table:\nrow 1", "split it", Map.of("Dockerfile.base", "x")),
                new Advice("a", AdviceKind.FAST_PATH_WHAT_IF, 0.004, "few", "fast path", Map.of()),
                new Advice("b", AdviceKind.SKIP_DOCS_AND_CI, 7.0, "3 builds", "filter", Map.of()));

        assertThat(AdviceText.lines(advice))
                .containsExactly(
                        "Advice across all jobs, ranked by build hours saved a month (savings overlap, do not add them up):",
                        " 1. b: skip-docs-and-ci (saves about 7.00 build hours a month)",
                        " 2. a: base-image (saves about 2.50 build hours a month)",
                        "    (1 more saving about 0.00 build hours a month: left out here, listed in advice.csv)",
                        "",
                        "Advice for a (ranked by build hours saved; savings overlap, do not add them up):",
                        " 1. base-image: saves about 2.50 build hours a month",
                        "    Evidence: table:",
                        "      row 1",
                        "    Action: split it",
                        "    Proposed files: Dockerfile.base",
                        "    (1 more saving about 0.00 build hours a month: left out here, listed in advice.csv)",
                        "",
                        "Advice for b (ranked by build hours saved; savings overlap, do not add them up):",
                        " 1. skip-docs-and-ci: saves about 7.00 build hours a month",
                        "    Evidence: 3 builds",
                        "    Action: filter");
    }

    @Test
    void shouldNameTheDockerfileOfEachAdviceWhenAJobBuildsSeveral() {
        // Given a job whose two Dockerfiles each get a base-image advice with the same saving
        List<Advice> advice = List.of(
                new Advice("torch", AdviceKind.BASE_IMAGE, 19.95, "e1", "split 1", Map.of()).about("Dockerfile"),
                new Advice("torch", AdviceKind.BASE_IMAGE, 19.95, "e2", "split 2", Map.of()).about("gpu/Dockerfile"),
                new Advice("torch", AdviceKind.SKIP_DOCS_AND_CI, 1.0, "e3", "filter", Map.of()));

        // Then neither list shows the same line twice: each names its Dockerfile
        List<String> lines = AdviceText.lines(advice);
        assertThat(lines)
                .contains(
                        " 1. torch: base-image for Dockerfile (saves about 19.95 build hours a month)",
                        " 2. torch: base-image for gpu/Dockerfile (saves about 19.95 build hours a month)",
                        " 3. torch: skip-docs-and-ci (saves about 1.00 build hours a month)",
                        " 1. base-image for Dockerfile: saves about 19.95 build hours a month",
                        " 2. base-image for gpu/Dockerfile: saves about 19.95 build hours a month")
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldRankByBuildsAvoidedWithoutDurations() {
        List<Advice> advice = List.of(
                new Advice("a", AdviceKind.SHIP_CODE_SEPARATELY, null, "e", "x", Map.of(), 4.0),
                new Advice("a", AdviceKind.SKIP_DOCS_AND_CI, null, "e", "y", Map.of(), 30.0));

        assertThat(AdviceText.lines(advice))
                .startsWith(
                        "Advice across all jobs, ranked by builds avoided a month (savings overlap, do not add them up):",
                        " 1. a: skip-docs-and-ci (saves about 30.0 builds a month)",
                        " 2. a: ship-code-separately (saves about 4.0 builds a month)",
                        "",
                        "Advice for a (ranked by builds avoided; savings overlap, do not add them up):",
                        " 1. skip-docs-and-ci: saves about 30.0 builds a month (no build durations, so no hours)");
    }

    @Test
    void shouldListTheTopOfTheRankingAcrossJobsAndSayHowManyMoreFollow() {
        List<Advice> advice = java.util.stream.IntStream.rangeClosed(1, AdviceText.TOP + 5)
                .mapToObj(i -> new Advice("job" + i, AdviceKind.SKIP_DOCS_AND_CI, (double) i, "e", "a", Map.of()))
                .toList();

        List<String> lines = AdviceText.lines(advice);

        assertThat(lines.get(1)).isEqualTo(" 1. job25: skip-docs-and-ci (saves about 25.00 build hours a month)");
        assertThat(lines.get(AdviceText.TOP)).startsWith("20. job6:");
        assertThat(lines.get(AdviceText.TOP + 1))
                .isEqualTo("    (5 more below, each under its job; advice.csv ranks them all)");
        assertThat(lines)
                .contains("Advice for job1 (ranked by build hours saved; savings overlap, do not add them up):");
    }
}
