package dev.rebuildcauses.report.chart;

import dev.rebuildcauses.analysis.chart.ChartDataMiner;
import dev.rebuildcauses.analysis.chart.ReportCharts;
import dev.rebuildcauses.analysis.mine.FindingsMiner;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.CauseSet;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Small hand-made histories and their chart data. */
final class ChartHistories {
    private ChartHistories() {}

    static ClassifiedBuild build(String job, long number, String startedAt, Integer minutes, String... causes) {
        Duration duration = minutes == null ? null : Duration.ofMinutes(minutes);
        Build build =
                new Build(job, number, Instant.parse(startedAt), duration, "SUCCESS", "push", "r" + number, "main");
        return new ClassifiedBuild(
                build, ChangeRange.resolved("r0", "r" + number, List.of(), List.of()), CauseSet.of(causes));
    }

    /** Eight builds of two jobs over two weeks, 200 known minutes. */
    static List<ClassifiedBuild> twoJobs() {
        return List.of(
                build("a", 1, "2024-01-01T10:00:00Z", 60, "environment", "code"),
                build("a", 2, "2024-01-03T10:00:00Z", 10, "code"),
                build("a", 3, "2024-01-08T10:00:00Z", 20, "code"),
                build("a", 4, "2024-01-11T10:00:00Z", 40, "environment"),
                build("b", 1, "2024-01-07T23:00:00Z", 30, "empty-commit"),
                build("b", 2, "2024-01-09T00:00:00Z", 30, "code", "docs"),
                build("b", 3, "2024-01-10T00:00:00Z", null, "code"),
                build("b", 4, "2024-01-12T00:00:00Z", 10, "unknown-range"));
    }

    /** The same builds without durations. */
    static List<ClassifiedBuild> twoJobsWithoutDurations() {
        return twoJobs().stream()
                .map(b -> new ClassifiedBuild(
                        new Build(
                                b.build().job(),
                                b.build().number(),
                                b.build().startedAt(),
                                null,
                                "SUCCESS",
                                "push",
                                b.build().revision(),
                                "main"),
                        b.range(),
                        b.causes()))
                .toList();
    }

    static ReportCharts charts(List<ClassifiedBuild> builds) {
        return ChartDataMiner.mine(builds, FindingsMiner.mine(builds), ChartFixtures.dockerfiles());
    }
}
