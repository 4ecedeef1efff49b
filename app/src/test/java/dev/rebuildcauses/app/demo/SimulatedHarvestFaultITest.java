package dev.rebuildcauses.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.RangeStatus;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.run.HarvestSummary;
import dev.rebuildcauses.report.pipeline.Report;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.SimulatorOptions;
import dev.rebuildcauses.simulator.history.SimulatedHistory;
import dev.rebuildcauses.simulator.server.FaultPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedHarvestFaultITest {
    private static final SimulatedHistory HISTORY = SimulatedHistory.generate(42, 600);

    @TempDir
    Path clean;

    @TempDir
    Path faulty;

    @Test
    void shouldStoreTheSameAsAFaultFreeHarvestDespite429s500sAndTruncatedBodies() throws HarvestException {
        // Given a fault-free harvest of a history
        try (Simulator simulator = Simulator.start(SimulatorOptions.defaults(), HISTORY)) {
            HarvestFixture.harvest(simulator, clean, HarvestFixture.FAST_RETRIES);
        }
        // and servers that answer 429 (with and without Retry-After), 500, truncated and slow bodies
        FaultPlan faults = FaultPlan.none().withFaults(0.06, 0.5, 0.05, 0.04, 0.01, 7);
        try (Simulator simulator = Simulator.start(SimulatorOptions.defaults().withFaults(faults, faults), HISTORY)) {
            // When the same history is harvested through the faults
            HarvestSummary summary = HarvestFixture.harvest(simulator, faulty, HarvestFixture.FAST_RETRIES);

            // Then every kind of fault happened and the store holds exactly what the clean harvest stored
            for (FaultPlan.Fault fault : List.of(
                    FaultPlan.Fault.TOO_MANY_REQUESTS,
                    FaultPlan.Fault.TOO_MANY_REQUESTS_RETRY_AFTER,
                    FaultPlan.Fault.SERVER_ERROR,
                    FaultPlan.Fault.TRUNCATED)) {
                assertThat(simulator.jenkins().faultCount(fault)
                                + simulator.bitbucket().faultCount(fault))
                        .as(fault.name())
                        .isPositive();
            }
            assertThat(summary.newBuilds()).isEqualTo(HISTORY.buildCount());
        }
        List<BuildChanges> expected = HarvestFixture.stored(clean);
        List<BuildChanges> actual = HarvestFixture.stored(faulty);
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.equals(expected))
                .as("stored builds equal the fault-free harvest")
                .isTrue();
    }

    @Test
    void shouldKeepBuildsWhoseCommitIsGoneAsUnknownRangesAndCountThem() throws Exception {
        // Given a commit the server no longer has, as after a force-push
        SimulatedHistory.GoneCommit gone = HISTORY.goneCommitCandidate();
        SimulatorOptions options = SimulatorOptions.defaults();
        try (Simulator simulator = Simulator.start(
                options.withFaults(options.jenkinsFaults(), FaultPlan.none().withGoneCommits(Set.of(gone.commitId()))),
                HISTORY)) {
            // When the history is harvested
            HarvestSummary summary = HarvestFixture.harvest(simulator, faulty, HarvestFixture.FAST_RETRIES);

            // Then the build that built it and the next one are kept with an unknown range, the rest resolved
            List<BuildChanges> stored = HarvestFixture.stored(faulty);
            List<String> unknown = stored.stream()
                    .filter(b -> b.range().status() == RangeStatus.UNKNOWN)
                    .map(b -> HarvestFixture.key(b.build().job(), b.build().number()))
                    .toList();
            assertThat(unknown)
                    .containsExactlyInAnyOrder(
                            HarvestFixture.key(gone.job(), gone.buildNumber()),
                            HarvestFixture.key(gone.job(), gone.nextBuildNumber()));
            assertThat(summary.unknownRanges()).isEqualTo(2);
            assertThat(stored.size()).isEqualTo(HISTORY.buildCount() - 3);

            // and the summary's data-quality line counts them
            Report report = ReportPipeline.of(RuleSet.defaults()).run(stored, faulty.resolve("report"));
            assertThat(report.summary())
                    .contains(
                            "Data quality: 2 builds with an unknown change range, 0 without a revision, 0 without a change source, "
                                    + "0 without a duration.");
        }
    }
}
