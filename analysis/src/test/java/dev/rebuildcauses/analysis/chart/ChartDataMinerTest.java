package dev.rebuildcauses.analysis.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rebuildcauses.analysis.mine.CauseStats;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.mine.FindingsMiner;
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

class ChartDataMinerTest {
    private static final Offset<Double> EPS = within(1e-9);

    /** A classified build; {@code minutes} null for an unknown duration. */
    static ClassifiedBuild build(String job, long number, String startedAt, Integer minutes, String... causes) {
        Duration duration = minutes == null ? null : Duration.ofMinutes(minutes);
        Build build =
                new Build(job, number, Instant.parse(startedAt), duration, "SUCCESS", "push", "r" + number, "main");
        return new ClassifiedBuild(
                build, ChangeRange.resolved("r0", "r" + number, List.of(), List.of()), CauseSet.of(causes));
    }

    /** Eight builds of two jobs over two weeks, 200 known minutes; the expected figures are worked out by hand. */
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

    static ReportCharts mine(List<ClassifiedBuild> builds) {
        return ChartDataMiner.mine(builds, FindingsMiner.mine(builds), List.of());
    }

    @Test
    void shouldTakeCauseSharesFromTheFindings() {
        // Given the two-job history and its findings
        List<ClassifiedBuild> builds = twoJobs();
        Findings findings = FindingsMiner.mine(builds);

        // When mining the chart data
        CauseShareSeries shares =
                ChartDataMiner.mine(builds, findings, List.of()).causeShares();

        // Then every share is the findings' own, in the order of causes.csv
        assertThat(shares.measure()).isEqualTo(Measure.HOURS);
        assertThat(shares.causes()).hasSameSizeAs(findings.causes());
        for (int i = 0; i < findings.causes().size(); i++) {
            CauseStats expected = findings.causes().get(i);
            CauseShare actual = shares.causes().get(i);
            assertThat(actual.cause()).isEqualTo(expected.cause());
            assertThat(actual.buildsShare()).isEqualTo(expected.buildsShare());
            assertThat(actual.hoursShare()).isEqualTo(expected.hoursShare());
        }
        assertThat(shares.causes())
                .extracting(CauseShare::cause)
                .containsExactly("code", "environment", "docs", "empty-commit", "unknown-range");
        assertThat(shares.table().rows().get(0)).containsExactly("code", "5", "0.6250", "2.00", "0.6000");
        assertThat(shares.altText()).startsWith("code 62.5% of builds and 60.0% of build hours");
    }

    @Test
    void shouldComputeDurationBoxesWithTheMedianAndP90OfCausesCsv() {
        // Given code builds of 60, 10, 20 and 30 minutes and one without a duration
        DurationBoxes durations = mine(twoJobs()).durations();

        // Then the code box spans the nearest-rank quartiles, the median is the mean of the middle two
        DurationBox code = durations.boxes().get(0);
        assertThat(code.cause()).isEqualTo("code");
        assertThat(code.builds()).isEqualTo(4);
        assertThat(List.of(
                        code.minMinutes(),
                        code.p10Minutes(),
                        code.q1Minutes(),
                        code.medianMinutes(),
                        code.q3Minutes(),
                        code.p90Minutes(),
                        code.maxMinutes(),
                        code.meanMinutes()))
                .containsExactly(10.0, 10.0, 10.0, 25.0, 30.0, 60.0, 60.0, 30.0);
        assertThat(durations.buildsWithoutDuration()).isEqualTo(1);
        assertThat(durations.table().rows().get(0))
                .containsExactly("code", "4", "10.00", "10.00", "10.00", "25.00", "30.00", "60.00", "60.00", "30.00");
        assertThat(durations.altText()).contains("1 builds without a duration are left out");
    }

    @Test
    void shouldOrderCombinationsByBuildsAndCausesBySetSize() {
        UpSetData upSet = mine(twoJobs()).combinations();

        assertThat(upSet.columns())
                .extracting(UpSetColumn::key)
                .containsExactly(
                        "code", "code;docs", "code;environment", "empty-commit", "environment", "unknown-range");
        assertThat(upSet.columns().get(0).builds()).isEqualTo(3);
        assertThat(upSet.columns().get(0).hours()).isCloseTo(0.5, EPS);
        assertThat(upSet.causes()).containsExactly("code", "environment", "docs", "empty-commit", "unknown-range");
        assertThat(upSet.otherCombinations()).isZero();
        assertThat(upSet.table().rows().get(0)).containsExactly("code", "3", "0.3750", "0.50");
        assertThat(upSet.altText()).startsWith("The most frequent combination is code alone with 3 builds (37.5%");
    }

    @Test
    void shouldSumTheCombinationsPastTheTopFifteenInTheTable() {
        // Given 20 distinct combinations, combination i having 21 - i builds of one minute
        List<ClassifiedBuild> builds = new ArrayList<>();
        long number = 1;
        for (int i = 1; i <= 20; i++) {
            for (int n = 0; n < 21 - i; n++) {
                builds.add(build("job", number++, "2024-01-01T00:00:00Z", 1, "code", "custom-" + (char) ('a' + i)));
            }
        }

        // When mining
        UpSetData upSet = mine(builds).combinations();

        // Then 15 columns are drawn and the last five (5+4+3+2+1 builds) are one row of the table
        assertThat(upSet.columns()).hasSize(ChartDataMiner.TOP_COMBINATIONS);
        assertThat(upSet.otherCombinations()).isEqualTo(5);
        assertThat(upSet.otherBuilds()).isEqualTo(15);
        assertThat(upSet.otherHours()).isCloseTo(15 / 60.0, EPS);
        assertThat(upSet.table().rows()).hasSize(16);
        assertThat(upSet.table().rows().get(15)).containsExactly("5 other combinations", "15", "0.0714", "0.25");
        assertThat(upSet.causes()).hasSize(16).startsWith("code");
    }

    @Test
    void shouldFillTheWeeksWithTheWeeklyCsvValues() {
        WeeklyTrend weekly = mine(twoJobs()).weekly();

        assertThat(weekly.weeks()).containsExactly(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-08"));
        WeeklySeries code = weekly.series().get(0);
        assertThat(code.cause()).isEqualTo("code");
        assertThat(code.values().get(0)).isCloseTo(70 / 60.0, EPS);
        assertThat(code.values().get(1)).isCloseTo(50 / 60.0, EPS);
        WeeklySeries emptyCommit = weekly.series().get(3);
        assertThat(emptyCommit.cause()).isEqualTo("empty-commit");
        assertThat(emptyCommit.values()).containsExactly(0.5, 0.0);
        assertThat(weekly.table().header())
                .containsExactly("week", "code", "environment", "docs", "empty-commit", "unknown-range");
        assertThat(weekly.table().rows().get(0)).containsExactly("2024-01-01", "1.17", "1.00", "0.00", "0.50", "0.00");
    }

    @Test
    void shouldLeaveNoGapBetweenWeeks() {
        List<ClassifiedBuild> builds = List.of(
                build("a", 1, "2024-01-01T10:00:00Z", 6, "code"), build("a", 2, "2024-01-22T10:00:00Z", 6, "code"));

        WeeklyTrend weekly = mine(builds).weekly();

        assertThat(weekly.weeks()).hasSize(4);
        assertThat(weekly.series().get(0).values()).containsExactly(0.1, 0.0, 0.0, 0.1);
    }

    @Test
    void shouldSplitEachJobsHoursAmongItsCausesAndAccumulateShares() {
        JobPareto pareto = mine(twoJobs()).jobs();

        // a: 130 minutes (environment 30+40, code 30+10+20); b: 70 minutes (empty 30, code 15, docs 15, unknown 10)
        assertThat(pareto.causes()).containsExactly("code", "environment", "docs", "empty-commit", "unknown-range");
        assertThat(pareto.bars()).extracting(ParetoBar::job).containsExactly("a", "b");
        ParetoBar a = pareto.bars().get(0);
        assertThat(a.total()).isCloseTo(130 / 60.0, EPS);
        assertThat(a.byCause().get(0)).isCloseTo(1.0, EPS);
        assertThat(a.byCause().get(1)).isCloseTo(70 / 60.0, EPS);
        assertThat(a.cumulativeShare()).isCloseTo(0.65, EPS);
        ParetoBar b = pareto.bars().get(1);
        assertThat(b.byCause().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(b.total(), EPS);
        assertThat(b.cumulativeShare()).isCloseTo(1.0, EPS);
        assertThat(pareto.otherJobs()).isZero();
        assertThat(pareto.table().header())
                .containsExactly(
                        "job",
                        "builds",
                        "hours",
                        "cumulative_share",
                        "code_hours",
                        "environment_hours",
                        "docs_hours",
                        "empty-commit_hours",
                        "unknown-range_hours");
        assertThat(pareto.table().rows().get(0))
                .containsExactly("a", "4", "2.17", "0.6500", "1.00", "1.17", "0.00", "0.00", "0.00");
    }

    @Test
    void shouldGroupTheJobsPastTheTopTwentyIntoOneBar() {
        // Given 25 jobs, job i with i builds of one hour
        List<ClassifiedBuild> builds = new ArrayList<>();
        for (int job = 1; job <= 25; job++) {
            for (int n = 1; n <= job; n++) {
                builds.add(build(String.format("job-%02d", job), n, "2024-01-01T00:00:00Z", 60, "code"));
            }
        }

        JobPareto pareto = mine(builds).jobs();

        assertThat(pareto.bars()).hasSize(21);
        assertThat(pareto.bars().get(0).job()).isEqualTo("job-25");
        assertThat(pareto.bars().get(20).job()).isEqualTo("other jobs (5)");
        assertThat(pareto.bars().get(20).total()).isCloseTo(15.0, EPS);
        assertThat(pareto.bars().get(20).cumulativeShare()).isEqualTo(1.0);
        assertThat(pareto.otherJobs()).isEqualTo(5);
        assertThat(pareto.grandTotal()).isCloseTo(325.0, EPS);
    }

    @Test
    void shouldMarkEachEnvironmentChangeWithTheCadenceOfJobsCsv() {
        EnvironmentCadence cadence = mine(twoJobs()).environmentCadence();

        assertThat(cadence.from()).isEqualTo(LocalDate.parse("2024-01-01"));
        assertThat(cadence.to()).isEqualTo(LocalDate.parse("2024-01-12"));
        assertThat(cadence.period()).isEqualTo(MarkPeriod.DAY);
        JobCadence a = cadence.jobs().get(0);
        assertThat(a.job()).isEqualTo("a");
        assertThat(a.environmentChanges()).isEqualTo(2);
        assertThat(a.meanDaysBetweenChanges()).isCloseTo(10.0, EPS);
        assertThat(a.marks())
                .containsExactly(
                        new CadenceMark(LocalDate.parse("2024-01-01"), 1),
                        new CadenceMark(LocalDate.parse("2024-01-11"), 1));
        assertThat(a.label()).isEqualTo("a (every 10.0 d)");
        assertThat(cadence.jobs().get(1).label()).isEqualTo("b (no change)");
        assertThat(cadence.table().rows().get(0)).containsExactly("a", "2", "10.0", "2024-01-01 2024-01-11");
    }

    @Test
    void shouldGroupMarksByWeekOrMonthOverLongHistories() {
        // Given two environment changes in the same week and month, over two and a half years
        List<ClassifiedBuild> builds = new ArrayList<>(List.of(
                build("a", 1, "2022-01-04T10:00:00Z", 6, "environment"),
                build("a", 2, "2022-01-06T10:00:00Z", 6, "environment"),
                build("a", 3, "2024-06-05T10:00:00Z", 6, "code")));

        // Then a mark groups a week
        EnvironmentCadence weeks = mine(builds).environmentCadence();
        assertThat(weeks.period()).isEqualTo(MarkPeriod.WEEK);
        assertThat(weeks.jobs().get(0).marks()).containsExactly(new CadenceMark(LocalDate.parse("2022-01-03"), 2));
        assertThat(weeks.table().header()).contains("weeks_with_changes");

        // And over more than three years a month
        builds.add(build("a", 4, "2025-06-05T10:00:00Z", 6, "code"));
        EnvironmentCadence months = mine(builds).environmentCadence();
        assertThat(months.period()).isEqualTo(MarkPeriod.MONTH);
        assertThat(months.jobs().get(0).marks()).containsExactly(new CadenceMark(LocalDate.parse("2022-01-01"), 2));
    }

    @Test
    void shouldSayNoDataForAnEmptyHistory() {
        ReportCharts charts = mine(List.of());

        assertThat(charts.all()).hasSize(6).allSatisfy(chart -> {
            assertThat(chart.isEmpty()).isTrue();
            assertThat(chart.title()).isNotBlank();
            assertThat(chart.altText()).startsWith("No");
            assertThat(chart.table().rows()).isEmpty();
        });
    }

    @Test
    void shouldCountBuildsWhenNoBuildHasADuration() {
        // Given three builds without durations
        List<ClassifiedBuild> builds = List.of(
                build("a", 1, "2024-01-01T10:00:00Z", null, "code"),
                build("a", 2, "2024-01-02T10:00:00Z", null, "code", "ci"),
                build("b", 1, "2024-01-03T10:00:00Z", null, "environment"));

        ReportCharts charts = mine(builds);

        // Then every chart counts builds and says why
        assertThat(charts.causeShares().measure()).isEqualTo(Measure.BUILDS);
        assertThat(charts.causeShares().title()).contains("no build durations known");
        assertThat(charts.causeShares().table().rows().get(0)).containsExactly("code", "2", "0.6667", "", "");
        assertThat(charts.durations().isEmpty()).isTrue();
        assertThat(charts.durations().title()).contains("no build durations known");
        assertThat(charts.weekly().measure()).isEqualTo(Measure.BUILDS);
        assertThat(charts.weekly().series().get(0).values()).containsExactly(2.0);
        assertThat(charts.jobs().title()).contains("no build durations known");
        assertThat(charts.jobs().bars().get(0).byCause()).containsExactly(1.5, 0.5, 0.0);
        assertThat(charts.jobs().table().header())
                .containsExactly("job", "builds", "cumulative_share", "code_builds", "ci_builds", "environment_builds");
    }

    @Test
    void shouldDrawOneBuild() {
        ReportCharts charts = mine(List.of(build("a", 1, "2024-01-01T10:00:00Z", 5, "first-build")));

        assertThat(charts.all()).noneMatch(ChartData::isEmpty);
        assertThat(charts.durations().boxes().get(0).medianMinutes()).isEqualTo(5.0);
        assertThat(charts.environmentCadence().jobs().get(0).label()).isEqualTo("a (no change)");
    }
}
