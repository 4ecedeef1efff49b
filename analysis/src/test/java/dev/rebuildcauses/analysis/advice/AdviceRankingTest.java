package dev.rebuildcauses.analysis.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.advice.AdviceRanking.Measure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdviceRankingTest {
    private static Advice advice(String job, AdviceKind kind, Double hours, double builds) {
        return new Advice(job, kind, hours, "e", "a", Map.of(), builds);
    }

    @Test
    void shouldRankByHoursAcrossJobsWhenEveryJobHasDurations() {
        List<Advice> advice = List.of(
                advice("a", AdviceKind.SHIP_CODE_SEPARATELY, 1.0, 90),
                advice("b", AdviceKind.SKIP_DOCS_AND_CI, 5.0, 10),
                advice("a", AdviceKind.FAST_PATH_WHAT_IF, 0.001, 0.5));

        AdviceRanking ranking = AdviceRanking.of(advice);

        assertThat(ranking.measure()).isEqualTo(Measure.HOURS);
        assertThat(ranking.shown())
                .extracting(r -> r.advice().job() + ":" + r.advice().kind().id() + "#" + r.rank())
                .containsExactly("b:skip-docs-and-ci#1", "a:ship-code-separately#2");
        assertThat(ranking.negligible()).isEqualTo(1);
        assertThat(ranking.all().get(2).isNegligible()).isTrue();
    }

    @Test
    void shouldRankByBuildsAvoidedWhenAJobHasNoDurations() {
        // ship-code-separately covers few builds, skip-docs-and-ci many: without hours, the many come first
        List<Advice> advice = List.of(
                advice("repo", AdviceKind.SHIP_CODE_SEPARATELY, null, 183 * 0.75),
                advice("repo", AdviceKind.SKIP_DOCS_AND_CI, null, 1249),
                advice("other", AdviceKind.REPLACE_EMPTY_COMMITS, 2.0, 0.01));

        AdviceRanking ranking = AdviceRanking.of(advice);

        assertThat(ranking.measure()).isEqualTo(Measure.BUILDS);
        assertThat(ranking.shown())
                .extracting(r -> r.advice().kind())
                .containsExactly(AdviceKind.SKIP_DOCS_AND_CI, AdviceKind.SHIP_CODE_SEPARATELY);
        assertThat(ranking.all().get(2).advice().kind()).isEqualTo(AdviceKind.REPLACE_EMPTY_COMMITS);
        assertThat(ranking.all().get(2).isNegligible()).isTrue();
    }

    @Test
    void shouldCallNegligibleWhatShowsAsZero() {
        assertThat(AdviceRanking.isNegligible(0.0049, Measure.HOURS)).isTrue();
        assertThat(AdviceRanking.isNegligible(0.005, Measure.HOURS)).isFalse();
        assertThat(AdviceRanking.isNegligible(0.049, Measure.BUILDS)).isTrue();
        assertThat(AdviceRanking.describe(12.345, Measure.BUILDS)).isEqualTo("12.3 builds a month");
    }
}
