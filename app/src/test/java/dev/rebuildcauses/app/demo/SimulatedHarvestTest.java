package dev.rebuildcauses.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.http.HttpSettings;
import dev.rebuildcauses.harvest.run.HarvestProgress;
import dev.rebuildcauses.harvest.run.HarvestSummary;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.SimulatorOptions;
import dev.rebuildcauses.simulator.history.SimulatedBuild;
import dev.rebuildcauses.simulator.history.SimulatedJob;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedHarvestTest {
    @TempDir
    Path data;

    @Test
    void shouldGiveEveryFinishedBuildTheCausesTheHistoryPlanned() throws HarvestException {
        // Given a simulated Jenkins and Bitbucket with about 800 builds
        try (Simulator simulator = Simulator.start(SimulatorOptions.defaults().withBuilds(800))) {
            // When the real harvester collects them over HTTP and the default rules classify them
            HarvestSummary summary = HarvestFixture.harvest(simulator, data, HttpSettings.defaults());
            List<BuildChanges> stored = HarvestFixture.stored(data);
            Map<String, List<String>> classified = HarvestFixture.classified(stored);

            // Then every finished build carries exactly the causes the generator meant
            Map<String, List<String>> planned = HarvestFixture.planned(simulator.history());
            assertThat(summary.newBuilds()).isEqualTo(simulator.history().buildCount());
            assertThat(summary.unknownRanges()).isZero();
            classified.keySet().retainAll(planned.keySet());
            assertThat(classified).isEqualTo(planned);
        }
    }

    @Test
    void shouldTakeEachBranchJobsOwnRevisionWithoutRepositoryMappings() throws HarvestException {
        // Given a simulator whose pipelines load a shared library (its BuildData first, branch master)
        try (Simulator simulator = Simulator.start(SimulatorOptions.defaults().withBuilds(800));
                BuildStore store = BuildStore.open(HarvestFixture.jdbc(data))) {
            // When harvested with no repository mapped in the config
            HarvestSummary summary =
                    SimulatedHarvest.run(simulator, store, HttpSettings.defaults(), HarvestProgress.NONE, false);
            List<BuildChanges> stored = store.loadBuildChanges(BuildFilter.all());

            // Then every build has the revision the generator built, not the library's, and the planned causes
            Map<String, String> revisions = new TreeMap<>();
            stored.forEach(b -> revisions.put(
                    HarvestFixture.key(b.build().job(), b.build().number()),
                    b.build().revision()));
            Map<String, String> plannedRevisions = new TreeMap<>();
            for (SimulatedJob job : simulator.history().buildableJobs()) {
                for (SimulatedBuild build : job.builds()) {
                    if (!build.building()) {
                        plannedRevisions.put(HarvestFixture.key(job.fullName(), build.number()), build.revision());
                    }
                }
            }
            assertThat(simulator.history().buildableJobs())
                    .anyMatch(job -> job.builds().stream().anyMatch(b -> b.libraryRevision() != null));
            assertThat(revisions).isEqualTo(plannedRevisions);
            assertThat(summary.unknownRanges()).isZero();
            Map<String, List<String>> classified = HarvestFixture.classified(stored);
            Map<String, List<String>> planned = HarvestFixture.planned(simulator.history());
            classified.keySet().retainAll(planned.keySet());
            assertThat(classified).isEqualTo(planned);
        }
    }

    @Test
    void shouldAskOnlyAFewRequestsPerJobWhenNothingIsNew() throws HarvestException {
        try (Simulator simulator = Simulator.start(SimulatorOptions.defaults().withBuilds(800))) {
            HarvestSummary first = HarvestFixture.harvest(simulator, data, HttpSettings.defaults());
            int jobs = simulator.history().buildableJobs().size();

            // When the same store is harvested again with nothing new
            HarvestSummary second = HarvestFixture.harvest(simulator, data, HttpSettings.defaults());

            // Then Jenkins is asked about once per job, and only the running builds are collected again
            assertThat(first.runningBuilds()).isEqualTo(3);
            assertThat(second.newBuilds()).isEqualTo(3);
            assertThat(second.jenkinsRequests()).isLessThanOrEqualTo(2L * jobs);
            assertThat(second.changeRequests()).isLessThanOrEqualTo(2L * 3);
            // and the store reports every finished build once (running ones wait until they finish)
            assertThat(HarvestFixture.stored(data).size())
                    .isEqualTo(simulator.history().buildCount() - 3);
        }
    }

    @Test
    void shouldHarvestAHudsonShapedServerThroughTheUnpagedFallback() throws HarvestException {
        // Given a simulator answering like Hudson: no _class, no ranges, no allBuilds, no remoteUrls
        try (Simulator simulator =
                Simulator.start(SimulatorOptions.defaults().withBuilds(400).withHudsonMode(true))) {
            // When the real harvester collects it
            HarvestSummary summary = HarvestFixture.harvest(simulator, data, HttpSettings.defaults());
            Map<String, List<String>> classified = HarvestFixture.classified(HarvestFixture.stored(data));

            // Then the repositories come from config.xml and every finished build has its planned causes
            Map<String, List<String>> planned = HarvestFixture.planned(simulator.history());
            assertThat(summary.newBuilds()).isEqualTo(simulator.history().buildCount());
            assertThat(summary.unknownRanges()).isZero();
            classified.keySet().retainAll(planned.keySet());
            assertThat(classified).isEqualTo(planned);
        }
    }
}
