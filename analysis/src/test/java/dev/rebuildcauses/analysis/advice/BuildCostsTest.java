package dev.rebuildcauses.analysis.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.CauseSet;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BuildCostsTest {
    private static final Instant DAY0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final CauseSet CODE = CauseSet.of("code");
    private static final CauseSet DOCS = CauseSet.of("docs");
    private static final CauseSet CODE_AND_ENVIRONMENT = CauseSet.of("code", "environment");

    private static ClassifiedBuild build(int number, Integer minutes, CauseSet causes) {
        Build build = new Build(
                "app",
                number,
                DAY0.plus(Duration.ofDays(number)),
                minutes == null ? null : Duration.ofMinutes(minutes),
                "SUCCESS",
                "push",
                "r" + number,
                "main");
        return new ClassifiedBuild(
                build, ChangeRange.resolved("r" + (number - 1), "r" + number, List.of(), List.of()), causes);
    }

    /** Code 60 min, docs 30 min, code 90 min, code+environment without a duration, docs 15 min. */
    private static BuildCosts costs() {
        return new BuildCosts(List.of(
                build(1, 60, CODE),
                build(2, 30, DOCS),
                build(3, 90, CODE),
                build(4, null, CODE_AND_ENVIRONMENT),
                build(5, 15, DOCS)));
    }

    @Test
    void shouldCountAndSumTheHoursOfTheBuildsWhoseCausesMatch() {
        BuildCosts costs = costs();

        Selection code = costs.withCauses(causes -> causes.contains("code"));

        assertThat(costs.count(code)).isEqualTo(3);
        assertThat(costs.hours(code)).isCloseTo(2.5, within(1e-9)); // the build without a duration adds nothing
        assertThat(costs.sortedHours(code)).containsExactly(1.0, 1.5);
        assertThat(costs.hours(costs.all())).isCloseTo(3.25, within(1e-9));
        assertThat(costs.total()).isEqualTo(5);
        assertThat(costs.spanDays()).isEqualTo(4.0);
        assertThat(costs.hasDurations()).isTrue();
    }

    @Test
    void shouldCombineSelectionsAsSetsOfBuilds() {
        BuildCosts costs = costs();
        Selection code = costs.withCauses(causes -> causes.contains("code"));
        Selection soloCode = costs.withCauses(causes -> causes.isSolo("code"));
        Selection late = costs.matching(build -> build.build().number() >= 3);

        assertThat(numbers(costs, code.andNot(soloCode))).containsExactly(4L);
        assertThat(numbers(costs, soloCode.and(late))).containsExactly(3L);
        assertThat(numbers(costs, soloCode.or(late))).containsExactly(1L, 3L, 4L, 5L);
        // the operands are left as they were
        assertThat(numbers(costs, soloCode)).containsExactly(1L, 3L);
    }

    @Test
    void shouldAskAFilterOnCausesOncePerDistinctSetNotPerBuild() {
        List<ClassifiedBuild> builds = new ArrayList<>();
        for (int i = 1; i <= 1_000; i++) {
            builds.add(build(i, 10, i % 2 == 0 ? CODE : DOCS));
        }
        BuildCosts costs = new BuildCosts(builds);
        AtomicInteger asked = new AtomicInteger();

        Selection docs = costs.withCauses(causes -> {
            asked.incrementAndGet();
            return causes.isSolo("docs");
        });

        assertThat(asked).hasValue(2);
        assertThat(costs.count(docs)).isEqualTo(500);
    }

    @Test
    void shouldHaveNoHoursWithoutDurations() {
        BuildCosts costs = new BuildCosts(List.of(build(1, null, CODE), build(2, null, DOCS)));

        assertThat(costs.hasDurations()).isFalse();
        assertThat(costs.hours(costs.all())).isZero();
        assertThat(costs.sortedHours(costs.all())).isEmpty();
        assertThat(costs.count(costs.all())).isEqualTo(2);
    }

    private static List<Long> numbers(BuildCosts costs, Selection selection) {
        List<Long> numbers = new ArrayList<>();
        costs.each(selection, build -> numbers.add(build.build().number()));
        return numbers;
    }
}
