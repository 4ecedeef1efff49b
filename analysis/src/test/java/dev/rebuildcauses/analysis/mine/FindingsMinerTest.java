package dev.rebuildcauses.analysis.mine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.CauseSet;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FindingsMinerTest {
    private static final Offset<Double> EPS = within(1e-9);

    /** A classified build; {@code minutes} null for an unknown duration. */
    static ClassifiedBuild build(String job, long number, String startedAt, Integer minutes, String... causes) {
        Duration duration = minutes == null ? null : Duration.ofMinutes(minutes);
        Build build =
                new Build(job, number, Instant.parse(startedAt), duration, "SUCCESS", "push", "r" + number, "main");
        ChangeRange range = List.of(causes).contains("unknown-range")
                ? ChangeRange.unknown("r0", "r" + number, "gone")
                : ChangeRange.resolved("r0", "r" + number, List.of(), List.of());
        return new ClassifiedBuild(build, range, CauseSet.of(causes));
    }

    /**
     * Eight builds of two jobs over two weeks; 200 known minutes. Every expected figure below is
     * worked out by hand from this list.
     */
    static List<ClassifiedBuild> twoJobs() {
        return List.of(
                build("a", 1, "2024-01-01T10:00:00Z", 60, "environment", "code"), // Monday
                build("a", 2, "2024-01-03T10:00:00Z", 10, "code"),
                build("a", 3, "2024-01-08T10:00:00Z", 20, "code"), // next Monday
                build("a", 4, "2024-01-11T10:00:00Z", 40, "environment"),
                build("b", 1, "2024-01-07T23:00:00Z", 30, "empty-commit"), // Sunday: first week
                build("b", 2, "2024-01-09T00:00:00Z", 30, "code", "docs"),
                build("b", 3, "2024-01-10T00:00:00Z", null, "code"),
                build("b", 4, "2024-01-12T00:00:00Z", 10, "unknown-range"));
    }

    @Test
    void shouldCountTotalsAndDataQuality() {
        // Given eight builds, one without a duration and one with an unknown range
        // When mining
        Findings findings = FindingsMiner.mine(twoJobs());

        // Then 200 known minutes are 10/3 hours
        assertThat(findings.totals().builds()).isEqualTo(8);
        assertThat(findings.totals().buildsWithDuration()).isEqualTo(7);
        assertThat(findings.totals().hours()).isCloseTo(200 / 60.0, EPS);
        assertThat(findings.dataQuality()).isEqualTo(new DataQuality(1, 1));
        assertThat(findings.emptyCommitBuildsShare()).isCloseTo(1 / 8.0, EPS);
        assertThat(findings.emptyCommitHoursShare()).isCloseTo(30 / 200.0, EPS);
    }

    @Test
    void shouldMineEveryCauseInclusively() {
        // Given the eight builds, When mining
        List<CauseStats> causes = FindingsMiner.mine(twoJobs()).causes();

        // Then causes come by hours, ties (docs and empty-commit, half an hour each) by builds then name
        assertThat(causes)
                .extracting(CauseStats::cause)
                .containsExactly("code", "environment", "docs", "empty-commit", "unknown-range");

        // code: builds a1 a2 a3 b2 b3; known minutes 60 10 20 30; solo a2 a3 b3
        CauseStats code = causes.get(0);
        assertThat(code.builds()).isEqualTo(5);
        assertThat(code.buildsShare()).isCloseTo(5 / 8.0, EPS);
        assertThat(code.hours()).isCloseTo(2.0, EPS);
        assertThat(code.hoursShare()).isCloseTo(120 / 200.0, EPS);
        assertThat(code.meanMinutes()).isCloseTo(30.0, EPS);
        assertThat(code.medianMinutes()).isCloseTo(25.0, EPS); // (20 + 30) / 2
        assertThat(code.p90Minutes()).isCloseTo(60.0, EPS); // rank ceil(3.6) = 4
        assertThat(code.soloBuilds()).isEqualTo(3);
        assertThat(code.soloShare()).isCloseTo(3 / 5.0, EPS);

        // environment: a1 (60, with code) and a4 (40, alone)
        CauseStats environment = causes.get(1);
        assertThat(environment.builds()).isEqualTo(2);
        assertThat(environment.buildsShare()).isCloseTo(0.25, EPS);
        assertThat(environment.hours()).isCloseTo(100 / 60.0, EPS);
        assertThat(environment.hoursShare()).isCloseTo(0.5, EPS);
        assertThat(environment.meanMinutes()).isCloseTo(50.0, EPS);
        assertThat(environment.medianMinutes()).isCloseTo(50.0, EPS);
        assertThat(environment.p90Minutes()).isCloseTo(60.0, EPS); // rank ceil(1.8) = 2
        assertThat(environment.soloBuilds()).isEqualTo(1);
        assertThat(environment.soloShare()).isCloseTo(0.5, EPS);

        // docs: only b2, never alone
        CauseStats docs = causes.get(2);
        assertThat(docs).isEqualTo(new CauseStats("docs", 1, 1 / 8.0, 0.5, 30 / 200.0, 30.0, 30.0, 30.0, 0, 0.0));

        CauseStats emptyCommit = causes.get(3);
        assertThat(emptyCommit)
                .isEqualTo(new CauseStats("empty-commit", 1, 1 / 8.0, 0.5, 30 / 200.0, 30.0, 30.0, 30.0, 1, 1.0));

        CauseStats unknown = causes.get(4);
        assertThat(unknown.hours()).isCloseTo(10 / 60.0, EPS);
        assertThat(unknown.hoursShare()).isCloseTo(10 / 200.0, EPS);
        assertThat(unknown.soloShare()).isCloseTo(1.0, EPS);
    }

    @Test
    void shouldMineExclusiveCombinationsThatAddUpToTheTotals() {
        // Given the eight builds, When mining
        Findings findings = FindingsMiner.mine(twoJobs());
        List<CombinationStats> combinations = findings.combinations();

        // Then each exact set appears once, by hours, then builds, then name
        assertThat(combinations)
                .extracting(row -> row.causes().key())
                .containsExactly(
                        "code;environment", "environment", "code", "code;docs", "empty-commit", "unknown-range");
        assertThat(combinations).extracting(CombinationStats::builds).containsExactly(1L, 1L, 3L, 1L, 1L, 1L);
        assertThat(combinations.get(0).hours()).isCloseTo(1.0, EPS);
        assertThat(combinations.get(1).hours()).isCloseTo(40 / 60.0, EPS);
        assertThat(combinations.get(2).hours()).isCloseTo(0.5, EPS); // 10 + 20 minutes; b3 unknown
        assertThat(combinations.get(5).hours()).isCloseTo(10 / 60.0, EPS);
        assertThat(combinations.stream().mapToLong(CombinationStats::builds).sum())
                .isEqualTo(findings.totals().builds());
        assertThat(combinations.stream().mapToDouble(CombinationStats::hours).sum())
                .isCloseTo(findings.totals().hours(), EPS);
    }

    @Test
    void shouldMineEveryJob() {
        // Given the eight builds, When mining
        List<JobStats> jobs = FindingsMiner.mine(twoJobs()).jobs();

        // Then job a: 130 minutes, environment (100 min) beats code (90 min); environment on Jan 1 and Jan 11
        assertThat(jobs).hasSize(2);
        JobStats a = jobs.get(0);
        assertThat(a.job()).isEqualTo("a");
        assertThat(a.builds()).isEqualTo(4);
        assertThat(a.hours()).isCloseTo(130 / 60.0, EPS);
        assertThat(a.topCause()).isEqualTo("environment");
        assertThat(a.environmentChanges()).isEqualTo(2);
        assertThat(a.meanDaysBetweenEnvironmentChanges()).isCloseTo(10.0, EPS);

        // And job b: 70 minutes; code, docs and empty-commit tie at 30 minutes, so the name decides
        JobStats b = jobs.get(1);
        assertThat(b.job()).isEqualTo("b");
        assertThat(b.builds()).isEqualTo(4);
        assertThat(b.hours()).isCloseTo(70 / 60.0, EPS);
        assertThat(b.topCause()).isEqualTo("code");
        assertThat(b.environmentChanges()).isZero();
        assertThat(b.meanDaysBetweenEnvironmentChanges()).isNull();
    }

    @Test
    void shouldAverageTheGapsBetweenEnvironmentChanges() {
        // Given environment changes on days 0, 1 and 7 (gaps 1 and 6), listed out of order
        List<ClassifiedBuild> builds = List.of(
                build("j", 3, "2024-03-08T00:00:00Z", 5, "environment"),
                build("j", 1, "2024-03-01T00:00:00Z", 5, "environment", "code"),
                build("j", 9, "2024-03-05T00:00:00Z", 5, "code"),
                build("j", 2, "2024-03-02T00:00:00Z", 5, "environment"));

        // When mining, Then the mean gap is 3.5 days
        JobStats job = FindingsMiner.mine(builds).jobs().get(0);
        assertThat(job.environmentChanges()).isEqualTo(3);
        assertThat(job.meanDaysBetweenEnvironmentChanges()).isCloseTo(3.5, EPS);
    }

    @Test
    void shouldCountWeeksFromMondayUtc() {
        // Given the eight builds, When mining
        List<WeeklyCauseCount> weekly = FindingsMiner.mine(twoJobs()).weekly();

        // Then the Sunday 23:00 build is in the week of Monday Jan 1; hours per week and cause add up
        LocalDate first = LocalDate.parse("2024-01-01");
        LocalDate second = LocalDate.parse("2024-01-08");
        assertThat(weekly)
                .extracting(WeeklyCauseCount::weekStart, WeeklyCauseCount::cause, WeeklyCauseCount::builds)
                .containsExactly(
                        tuple(first, "code", 2L),
                        tuple(first, "empty-commit", 1L),
                        tuple(first, "environment", 1L),
                        tuple(second, "code", 3L),
                        tuple(second, "docs", 1L),
                        tuple(second, "environment", 1L),
                        tuple(second, "unknown-range", 1L));
        assertThat(weekly)
                .extracting(WeeklyCauseCount::hours)
                .usingElementComparator((x, y) -> Math.abs(x - y) < 1e-9 ? 0 : Double.compare(x, y))
                .containsExactly(70 / 60.0, 0.5, 1.0, 50 / 60.0, 0.5, 40 / 60.0, 10 / 60.0);
    }

    @Test
    void shouldTakeMedianAndNearestRankP90ForOddAndEvenCounts() {
        // Given three code builds (10, 20, 90 min) and ten docs builds (1..10 min)
        List<ClassifiedBuild> builds = new ArrayList<>(List.of(
                build("j", 1, "2024-01-01T00:00:00Z", 90, "code"),
                build("j", 2, "2024-01-01T00:00:00Z", 10, "code"),
                build("j", 3, "2024-01-01T00:00:00Z", 20, "code")));
        for (int m = 10; m >= 1; m--) {
            builds.add(build("j", 10 + m, "2024-01-02T00:00:00Z", m, "docs"));
        }

        // When mining
        List<CauseStats> causes = FindingsMiner.mine(builds).causes();

        // Then odd: median 20, p90 rank ceil(2.7) = 3 -> 90; even: median 5.5, p90 rank 9 -> 9
        CauseStats code = causes.get(0);
        assertThat(code.cause()).isEqualTo("code");
        assertThat(code.medianMinutes()).isCloseTo(20.0, EPS);
        assertThat(code.p90Minutes()).isCloseTo(90.0, EPS);
        assertThat(code.meanMinutes()).isCloseTo(40.0, EPS);
        CauseStats docs = causes.get(1);
        assertThat(docs.medianMinutes()).isCloseTo(5.5, EPS);
        assertThat(docs.p90Minutes()).isCloseTo(9.0, EPS);
        assertThat(docs.meanMinutes()).isCloseTo(5.5, EPS);
    }

    @Test
    void shouldLeaveEveryHoursFigureEmptyWithoutDurations() {
        // Given builds without any duration
        List<ClassifiedBuild> builds = List.of(
                build("x", 1, "2024-01-01T00:00:00Z", null, "code"),
                build("x", 2, "2024-01-02T00:00:00Z", null, "docs"),
                build("x", 3, "2024-01-03T00:00:00Z", null, "docs"),
                build("y", 1, "2024-01-03T00:00:00Z", null, "docs"),
                build("y", 2, "2024-01-04T00:00:00Z", null, "code"));

        // When mining
        Findings findings = FindingsMiner.mine(builds);

        // Then no hours figure is 0: they are all null; counts and shares of builds remain
        assertThat(findings.totals()).isEqualTo(new Totals(5, 0, null));
        assertThat(findings.causes())
                .containsExactly(
                        new CauseStats("docs", 3, 0.6, null, null, null, null, null, 3, 1.0),
                        new CauseStats("code", 2, 0.4, null, null, null, null, null, 2, 1.0));
        assertThat(findings.combinations()).extracting(CombinationStats::hours).containsOnlyNulls();
        assertThat(findings.weekly()).extracting(WeeklyCauseCount::hours).containsOnlyNulls();
        assertThat(findings.emptyCommitHoursShare()).isNull();
        assertThat(findings.emptyCommitBuildsShare()).isZero();
        assertThat(findings.dataQuality()).isEqualTo(new DataQuality(0, 5));

        // And the top cause of a job goes by builds, ties by name
        assertThat(findings.jobs())
                .containsExactly(
                        new JobStats("x", 3, null, "docs", 0, null), new JobStats("y", 2, null, "code", 0, null));
    }

    @Test
    void shouldLeaveACauseWithoutDurationsEmptyWhenOthersHaveSome() {
        // Given a timed code build and an untimed docs build
        List<ClassifiedBuild> builds = List.of(
                build("x", 1, "2024-01-01T00:00:00Z", 10, "code"), build("x", 2, "2024-01-02T00:00:00Z", null, "docs"));

        // When mining
        Findings findings = FindingsMiner.mine(builds);

        // Then docs has no hours, code has all of them, and no empty commit means a zero share of time
        assertThat(findings.causes())
                .containsExactly(
                        new CauseStats("code", 1, 0.5, 10 / 60.0, 1.0, 10.0, 10.0, 10.0, 1, 1.0),
                        new CauseStats("docs", 1, 0.5, null, null, null, null, null, 1, 1.0));
        assertThat(findings.emptyCommitHoursShare()).isZero();
        assertThat(findings.jobs().get(0).topCause()).isEqualTo("code");
    }

    @Test
    void shouldMineNothingFromNoBuilds() {
        // Given no builds, When mining
        Findings findings = FindingsMiner.mine(List.of());

        // Then everything is empty and no share divides by zero
        assertThat(findings.totals()).isEqualTo(new Totals(0, 0, null));
        assertThat(findings.causes()).isEmpty();
        assertThat(findings.combinations()).isEmpty();
        assertThat(findings.jobs()).isEmpty();
        assertThat(findings.weekly()).isEmpty();
        assertThat(findings.emptyCommitBuildsShare()).isZero();
        assertThat(findings.emptyCommitHoursShare()).isNull();
    }
}
