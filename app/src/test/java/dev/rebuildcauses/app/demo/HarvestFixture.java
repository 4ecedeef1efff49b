package dev.rebuildcauses.app.demo;

import dev.rebuildcauses.analysis.classify.BuildClassifier;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.http.HttpSettings;
import dev.rebuildcauses.harvest.run.HarvestProgress;
import dev.rebuildcauses.harvest.run.HarvestSummary;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.history.SimulatedBuild;
import dev.rebuildcauses.simulator.history.SimulatedHistory;
import dev.rebuildcauses.simulator.history.SimulatedJob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Harvests a simulator into an H2 store in a folder and reads the store back, for tests. */
final class HarvestFixture {
    /** Fast retries, so injected faults cost milliseconds. */
    static final HttpSettings FAST_RETRIES =
            HttpSettings.defaults().withRetries(6, Duration.ofMillis(5), Duration.ofMillis(50));

    private HarvestFixture() {}

    static String jdbc(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("store").toAbsolutePath();
    }

    static HarvestSummary harvest(Simulator simulator, Path folder, HttpSettings settings) throws HarvestException {
        try (BuildStore store = BuildStore.open(jdbc(folder))) {
            return SimulatedHarvest.run(simulator, store, settings, HarvestProgress.NONE);
        }
    }

    static List<BuildChanges> stored(Path folder) throws HarvestException {
        try (BuildStore store = BuildStore.open(jdbc(folder))) {
            return store.loadBuildChanges(BuildFilter.all());
        }
    }

    /** Key {@code job#number} as the harvester names jobs (branch names decoded). */
    static String key(String job, long number) {
        return job.replace("%2F", "/") + "#" + number;
    }

    /** The causes the default rules give each stored build. */
    static Map<String, List<String>> classified(List<BuildChanges> builds) {
        BuildClassifier classifier = new BuildClassifier(RuleSet.defaults());
        Map<String, List<String>> causes = new TreeMap<>();
        for (BuildChanges build : builds) {
            causes.put(
                    key(build.build().job(), build.build().number()),
                    classifier.classify(build).causes().names());
        }
        return causes;
    }

    /** The causes the generator planned for each finished build. */
    static Map<String, List<String>> planned(SimulatedHistory history) {
        Map<String, List<String>> causes = new TreeMap<>();
        for (SimulatedJob job : history.buildableJobs()) {
            for (SimulatedBuild build : job.builds()) {
                if (!build.building()) {
                    causes.put(
                            key(job.fullName(), build.number()),
                            new ArrayList<>(new java.util.TreeSet<>(new HashSet<>(build.plannedCauses()))));
                }
            }
        }
        return causes;
    }
}
