package dev.rebuildcauses.analysis.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.dockerfile.DockerfileRevision;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.CauseSet;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.model.Commit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LayeringAdvisorTest {
    private static final String JOB = "images/app";
    private static final Instant DAY0 = Instant.parse("2026-03-01T00:00:00Z");
    /** The last build starts 30.44 days after the first, so per-month figures equal the raw hours. */
    private static final Instant LAST = DAY0.plusSeconds(2_630_016);

    private static ClassifiedBuild build(
            int number, Instant start, Integer minutes, List<Commit> commits, String... causes) {
        Build build = new Build(
                JOB,
                number,
                start,
                minutes == null ? null : Duration.ofMinutes(minutes),
                "SUCCESS",
                "push",
                "r" + number,
                "main");
        return new ClassifiedBuild(
                build, ChangeRange.resolved("r" + (number - 1), "r" + number, commits, List.of()), CauseSet.of(causes));
    }

    private static ClassifiedBuild build(int number, int day, Integer minutes, String... causes) {
        return build(number, DAY0.plus(Duration.ofDays(day)), minutes, List.of(), causes);
    }

    private static Commit empty(String author) {
        return new Commit("c-" + author, List.of("p"), author, DAY0, "rebuild", 0);
    }

    /**
     * Durations 60,10,20,30,40,50,5,6,9,45,45,15 min: median 25 min. Fast-path-eligible builds
     * (no environment, dependencies, empty-commit): 10,20,30,40,5,6,9,15, whose 10th percentile
     * (nearest rank 1 of 8) is 5 min, so the fast path costs 5/25 = 0.2 of a median build.
     */
    private static List<ClassifiedBuild> builds(boolean durations) {
        List<Integer> minutes = List.of(60, 10, 20, 30, 40, 50, 5, 6, 9, 45, 45, 15);
        Function<Integer, Integer> d = i -> durations ? minutes.get(i) : null;
        List<ClassifiedBuild> builds = new ArrayList<>();
        builds.add(build(1, 0, d.apply(0), "environment"));
        builds.add(build(2, 1, d.apply(1), "code"));
        builds.add(build(3, 2, d.apply(2), "code"));
        builds.add(build(4, 3, d.apply(3), "code"));
        builds.add(build(5, 4, d.apply(4), "code", "config"));
        builds.add(build(6, 5, d.apply(5), "code", "dependencies"));
        builds.add(build(7, 6, d.apply(6), "docs"));
        builds.add(build(8, 7, d.apply(7), "ci"));
        builds.add(build(9, 8, d.apply(8), "docs", "ci"));
        builds.add(build(10, DAY0.plus(Duration.ofDays(9)), d.apply(9), List.of(empty("alice")), "empty-commit"));
        builds.add(build(
                11, DAY0.plus(Duration.ofDays(10)), d.apply(10), List.of(empty("bob"), empty("bob")), "empty-commit"));
        builds.add(build(12, LAST, d.apply(11), List.of(), "code"));
        return builds;
    }

    /** Four RUNs: the stable prefix holds one (apt), the reorder moves one (pip). */
    private static DockerfileHistory dockerfile() {
        String text = String.join(
                "\n",
                "FROM python:3.12-slim",
                "RUN apt-get update && apt-get install -y gcc",
                "WORKDIR /app",
                "COPY . .",
                "RUN pip install -r requirements.txt",
                "RUN python -m compileall .",
                "RUN useradd app",
                "CMD [\"python\", \"main.py\"]",
                "");
        return new DockerfileHistory(
                "Dockerfile", List.of(new DockerfileRevision("old", DAY0.minus(Duration.ofDays(100)), text)));
    }

    private static AdvisorSettings monthlyRefresh() {
        return AdvisorSettings.defaults().withRefreshInterval(Duration.ofSeconds(2_630_016));
    }

    @Test
    void shouldEstimateEverySavingFromTheBuildsByHand() {
        // Given the hand-computed builds and one Dockerfile, with one refresh a month
        // When the advisor runs
        List<Advice> advice = LayeringAdvisor.advise(JOB, builds(true), List.of(dockerfile()), monthlyRefresh());

        // Then every kind is there with its hand-computed saving, ranked by saving
        Map<AdviceKind, Double> savings =
                advice.stream().collect(Collectors.toMap(Advice::kind, Advice::savingHoursPerMonth));
        // fast path: eligible 135 min × (1 − 0.2) = 108 min
        assertThat(savings.get(AdviceKind.FAST_PATH_WHAT_IF)).isCloseTo(1.8, within(1e-9));
        // base image: all 335 min × 1/4 RUNs = 83.75 min
        assertThat(savings.get(AdviceKind.BASE_IMAGE)).isCloseTo(83.75 / 60, within(1e-9));
        // empty commits: 90 min − 1 refresh × 25 min median = 65 min
        assertThat(savings.get(AdviceKind.REPLACE_EMPTY_COMMITS)).isCloseTo(65.0 / 60, within(1e-9));
        // code only: (10 + 20 + 30 + 15) min × (1 − 0.2) = 60 min
        assertThat(savings.get(AdviceKind.SHIP_CODE_SEPARATELY)).isCloseTo(1.0, within(1e-9));
        // reorder: code builds without env/deps 10+20+30+40+15 = 115 min × 1/4 RUNs
        assertThat(savings.get(AdviceKind.REORDER_CACHE)).isCloseTo(28.75 / 60, within(1e-9));
        // docs and CI only: 5 + 6 + 9 = 20 min
        assertThat(savings.get(AdviceKind.SKIP_DOCS_AND_CI)).isCloseTo(20.0 / 60, within(1e-9));
        assertThat(advice)
                .extracting(Advice::kind)
                .containsExactly(
                        AdviceKind.FAST_PATH_WHAT_IF,
                        AdviceKind.BASE_IMAGE,
                        AdviceKind.REPLACE_EMPTY_COMMITS,
                        AdviceKind.SHIP_CODE_SEPARATELY,
                        AdviceKind.REORDER_CACHE,
                        AdviceKind.SKIP_DOCS_AND_CI);
        assertThat(advice).allSatisfy(a -> assertThat(a.job()).isEqualTo(JOB));
    }

    @Test
    void shouldStateTheEvidenceAndAssumptions() {
        List<Advice> advice = LayeringAdvisor.advise(JOB, builds(true), List.of(dockerfile()), monthlyRefresh());
        Map<AdviceKind, Advice> byKind = advice.stream().collect(Collectors.toMap(Advice::kind, a -> a));

        assertThat(byKind.get(AdviceKind.SHIP_CODE_SEPARATELY).evidence())
                .startsWith(
                        "4 of 12 builds (33%) changed only code; 4 of the 6 builds that touched code (67%) did so alone;"
                                + " they took 1.3 h (22% of 5.6 h of build time over 30.4 days)")
                .contains("cost 20% of a median build: the 10th percentile of builds without environment or dependency"
                        + " changes (5.0 min) over the median of all builds (25.0 min)");
        assertThat(byKind.get(AdviceKind.REPLACE_EMPTY_COMMITS).evidence())
                .contains("2 builds came from empty commits", "pushed by bob (2), alice (1)");
        assertThat(byKind.get(AdviceKind.SKIP_DOCS_AND_CI).evidence())
                .startsWith("3 of 12 builds (25%) changed only docs or CI files (1 docs only, 1 CI only, 1 both)");
        assertThat(byKind.get(AdviceKind.FAST_PATH_WHAT_IF).evidence())
                .contains("8 of 12 builds (67%)", "would have spent 3.8 h instead of 5.6 h");
        assertThat(byKind.get(AdviceKind.REORDER_CACHE).evidence())
                .startsWith("Dockerfile:4 COPY . . comes before the dependency install at line 5");
        assertThat(byKind.get(AdviceKind.REORDER_CACHE).proposals()).containsOnlyKeys("Dockerfile.reordered");
        Advice base = byKind.get(AdviceKind.BASE_IMAGE);
        assertThat(base.evidence())
                .contains(
                        "Dockerfile (1 revision): lines 1–3 of the final stage",
                        "line 4 brings code",
                        "Instruction stability:");
        assertThat(base.proposals()).containsOnlyKeys("Dockerfile.base", "Dockerfile");
        assertThat(base.proposals().get("Dockerfile")).contains("FROM images/app-base:latest\nCOPY . .\n");
    }

    @Test
    void shouldGiveAdviceWithoutSavingsWhenNoDurationIsKnown() {
        List<Advice> advice = LayeringAdvisor.advise(JOB, builds(false), List.of(dockerfile()), monthlyRefresh());

        assertThat(advice).hasSize(6).allSatisfy(a -> assertThat(a.savingHoursPerMonth())
                .isNull());
        assertThat(advice.stream()
                        .filter(a -> a.kind() == AdviceKind.SHIP_CODE_SEPARATELY)
                        .findFirst()
                        .orElseThrow()
                        .evidence())
                .contains("no durations known");
    }

    @Test
    void shouldUseTheFastPathCostTheUserSets() {
        List<Advice> advice = LayeringAdvisor.advise(
                JOB, builds(true), List.of(), monthlyRefresh().withFastPathCostFraction(0.5));

        Advice ship = advice.stream()
                .filter(a -> a.kind() == AdviceKind.SHIP_CODE_SEPARATELY)
                .findFirst()
                .orElseThrow();
        // 75 min × (1 − 0.5)
        assertThat(ship.savingHoursPerMonth()).isCloseTo(37.5 / 60, within(1e-9));
        assertThat(ship.evidence()).contains("50% of a median build (set by you)");
        assertThat(advice).extracting(Advice::kind).doesNotContain(AdviceKind.BASE_IMAGE, AdviceKind.REORDER_CACHE);
    }

    @Test
    void shouldNormaliseToAMonthOfTheObservedSpanOfAtLeastOneDay() {
        // Given two 30-minute docs builds an hour apart: the span counts as one day
        List<ClassifiedBuild> builds =
                List.of(build(1, DAY0, 30, List.of(), "docs"), build(2, DAY0.plusSeconds(3600), 30, List.of(), "docs"));

        List<Advice> advice = LayeringAdvisor.advise(JOB, builds, List.of(), AdvisorSettings.defaults());

        Advice skip = advice.stream()
                .filter(a -> a.kind() == AdviceKind.SKIP_DOCS_AND_CI)
                .findFirst()
                .orElseThrow();
        assertThat(skip.savingHoursPerMonth()).isCloseTo(1.0 * 30.44, within(1e-9));
    }

    @Test
    void shouldStillAdviseFromBuildsWhenTheDockerfileMakesNoSense() {
        DockerfileHistory patch = new DockerfileHistory(
                "Dockerfile",
                List.of(new DockerfileRevision("x", DAY0, "--- a\n+++ b\n@@ -1 +1 @@\n-FROM a\n+FROM b\n")));

        List<Advice> advice = LayeringAdvisor.advise(JOB, builds(true), List.of(patch), monthlyRefresh());

        assertThat(advice).extracting(Advice::kind).hasSize(4).doesNotContain(AdviceKind.BASE_IMAGE);
        assertThat(LayeringAdvisor.unusableDockerfiles(List.of(patch)))
                .containsExactly("Dockerfile:1: looks like a patch (unified diff), not a Dockerfile");
    }

    @Test
    void shouldKeepTheProposalsOfSeveralDockerfilesApart() {
        DockerfileHistory second = new DockerfileHistory(
                "images/gpu/Dockerfile",
                List.of(new DockerfileRevision(
                        "old",
                        DAY0.minus(Duration.ofDays(100)),
                        dockerfile().current().content())));

        List<Advice> advice =
                LayeringAdvisor.advise(JOB, builds(true), List.of(dockerfile(), second), monthlyRefresh());

        assertThat(advice.stream().filter(a -> a.kind() == AdviceKind.BASE_IMAGE))
                .extracting(a -> List.copyOf(a.proposals().keySet()))
                .containsExactlyInAnyOrder(
                        List.of("Dockerfile/Dockerfile.base", "Dockerfile/Dockerfile"),
                        List.of("images_gpu_Dockerfile/Dockerfile.base", "images_gpu_Dockerfile/Dockerfile"));
        assertThat(advice.stream().filter(a -> a.kind() == AdviceKind.REORDER_CACHE))
                .hasSize(2)
                .allSatisfy(a -> assertThat(a.action()).contains("(COPY requirements.txt /app/)"));
        // each Dockerfile's advice says which Dockerfile it is about; the job's own advice names none
        assertThat(advice.stream()
                        .filter(a -> a.kind() == AdviceKind.BASE_IMAGE || a.kind() == AdviceKind.REORDER_CACHE))
                .extracting(Advice::kindAndSubject)
                .containsExactlyInAnyOrder(
                        "base-image for Dockerfile",
                        "base-image for images/gpu/Dockerfile",
                        "reorder-cache for Dockerfile",
                        "reorder-cache for images/gpu/Dockerfile");
        assertThat(advice.stream().filter(a -> a.kind() == AdviceKind.SHIP_CODE_SEPARATELY))
                .extracting(Advice::subject)
                .containsOnly("");
    }

    @Test
    void shouldAdviseFromTheDockerfileAloneWhenThereAreNoBuilds() {
        // Without builds stability is judged at the last revision, unless the caller says when
        List<Advice> atLastRevision =
                LayeringAdvisor.advise(JOB, List.of(), List.of(dockerfile()), AdvisorSettings.defaults());
        List<Advice> today = LayeringAdvisor.advise(
                JOB,
                List.of(),
                List.of(dockerfile()),
                AdvisorSettings.defaults().withAsOf(DAY0));

        assertThat(atLastRevision)
                .extracting(Advice::kind, Advice::savingHoursPerMonth)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AdviceKind.REORDER_CACHE, null));
        assertThat(today)
                .extracting(Advice::kind, Advice::savingHoursPerMonth)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AdviceKind.BASE_IMAGE, null),
                        org.assertj.core.groups.Tuple.tuple(AdviceKind.REORDER_CACHE, null));
    }
}
