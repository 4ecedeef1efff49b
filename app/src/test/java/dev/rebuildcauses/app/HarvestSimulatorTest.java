package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.BuildClassifier;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.model.RangeStatus;
import dev.rebuildcauses.harvest.run.HarvestSummary;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.SimulatorOptions;
import dev.rebuildcauses.simulator.history.SimulatedBuild;
import dev.rebuildcauses.simulator.history.SimulatedJob;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Harvest over HTTP from the simulated Jenkins and Bitbucket Server's REST API ({@code mirror: false}), twice, then report. */
class HarvestSimulatorTest {
    private static final Map<String, String> ENV =
            Map.of("JENKINS_TOKEN", "demo-jenkins-token", "BITBUCKET_TOKEN", "demo-bitbucket-token");

    @TempDir
    Path dir;

    @Test
    void shouldHarvestEveryBuildWithItsPlannedCausesAndFetchNothingTwice() throws Exception {
        try (Simulator simulator = Simulator.start(SimulatorOptions.defaults().withBuilds(400))) {
            // Given a config for the simulated servers
            Path config = dir.resolve("rebuild-causes.yml");
            Files.writeString(
                    config,
                    """
                    jenkins:
                      url: %s
                      user: demo
                      tokenEnv: JENKINS_TOKEN
                    changes:
                      source: bitbucket-server
                      url: %s
                      tokenEnv: BITBUCKET_TOKEN
                      mirror: false
                    """
                            .formatted(simulator.jenkinsUrl(), simulator.bitbucketUrl()));
            List<SimulatedJob> jobs = simulator.history().buildableJobs();
            long running = jobs.stream()
                    .flatMap(j -> j.builds().stream())
                    .filter(SimulatedBuild::building)
                    .count();

            // When it is harvested
            HarvestSummary first = harvest(config);

            // Then every build is stored, and every finished build carries the causes the generator planned
            assertThat(first.jobs()).isEqualTo(jobs.size());
            assertThat(first.newBuilds()).isEqualTo(simulator.history().buildCount());
            assertThat(first.runningBuilds()).isEqualTo((int) running);
            assertThat(first.changeRequests()).isPositive();
            Map<String, Set<String>> planned = new HashMap<>();
            for (SimulatedJob job : jobs) {
                for (SimulatedBuild build : job.builds()) {
                    if (!build.building()) {
                        // the Jenkins client decodes %2F in multibranch branch names (feature%2Fx → feature/x)
                        planned.put(job.fullName().replace("%2F", "/") + "#" + build.number(), build.plannedCauses());
                    }
                }
            }
            Map<String, Set<String>> found = new HashMap<>();
            BuildClassifier classifier = new BuildClassifier(RuleSet.defaults());
            try (BuildStore store = BuildStore.open("jdbc:h2:file:" + dir.resolve("rebuild-causes-data/store"))) {
                for (BuildChanges build : store.loadBuildChanges(BuildFilter.all())) {
                    ClassifiedBuild classified = classifier.classify(build);
                    found.put(
                            build.build().job() + "#" + build.build().number(),
                            Set.copyOf(classified.causes().names()));
                }
            }
            assertThat(found).isEqualTo(planned);

            // And a second harvest asks Bitbucket nothing and Jenkins a few requests per job
            HarvestSummary second = harvest(config);
            // (a build still running is written again; its range comes from the store, not the server)
            assertThat(second.ranges()).isLessThanOrEqualTo(second.runningBuilds());
            assertThat(second.changeRequests()).isZero();
            assertThat(second.jenkinsRequests()).isLessThanOrEqualTo(2L * jobs.size() + 3);
            assertThat(second.newBuilds()).isEqualTo(second.runningBuilds());

            // And the report reads the store
            CommandRun report = CommandRun.of(
                    "report",
                    "--config",
                    config.toString(),
                    "--out",
                    dir.resolve("report").toString(),
                    "-q");
            assertThat(report.exitCode()).as(report.err()).isZero();
            assertThat(Files.readAllLines(dir.resolve("report/builds.csv"))).hasSize(planned.size() + 1);
        }
    }

    @Test
    void shouldKeepBuildsWithoutAChangeSourceWarnOncePerRepositoryAndResolveThemOnceMapped() throws Exception {
        try (Simulator simulator = Simulator.start(SimulatorOptions.defaults().withBuilds(120))) {
            // Given a config that reads changes from local clones, with a clone mapped for no job harvested
            Path config = dir.resolve("rebuild-causes.yml");
            Files.writeString(
                    config,
                    """
                    jenkins:
                      url: %s
                      user: demo
                      tokenEnv: JENKINS_TOKEN
                    changes:
                      source: git
                      repositories: {"no-such-folder/*": %s}
                    """
                            .formatted(simulator.jenkinsUrl(), dir.toAbsolutePath()));

            // When it is harvested
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            HarvestSummary first = new HarvestRunner(new PrintWriter(out), new PrintWriter(err), ENV).run(config, true);

            // Then every build is kept, the ones needing a range marked, and each repository warned about once
            assertThat(first.newBuilds()).isEqualTo(simulator.history().buildCount());
            assertThat(first.noChangeSource()).isPositive();
            assertThat(first.nothingResolvable()).isTrue();
            assertThat(HarvestCommand.exitCodeOf(first)).isEqualTo(ExitCode.NO_CHANGE_SOURCE);
            List<String> warnings = err.toString().lines().toList();
            assertThat(warnings).hasSize(first.missingSources().size()).allSatisfy(line -> assertThat(line)
                    .startsWith("rebuild-causes: warning: no local clone for ")
                    .contains("under changes.repositories:  \"")
                    .contains("\": /path/to/clone-of-"));
            assertThat(first.missingSources().stream().mapToInt(m -> m.builds()).sum())
                    .isEqualTo(first.noChangeSource());
            assertThat(out.toString()).contains("; no change source " + first.noChangeSource());
            long keptFinished;
            try (BuildStore store = BuildStore.open("jdbc:h2:file:" + dir.resolve("rebuild-causes-data/store"))) {
                keptFinished = store.loadBuildChanges(BuildFilter.all()).stream()
                        .filter(b -> b.range().status() == RangeStatus.NO_CHANGE_SOURCE)
                        .count();
            }

            // When the config gets a change source for them and the harvest runs again
            Files.writeString(
                    config,
                    """
                    jenkins:
                      url: %s
                      user: demo
                      tokenEnv: JENKINS_TOKEN
                    changes:
                      source: bitbucket-server
                      url: %s
                      tokenEnv: BITBUCKET_TOKEN
                      mirror: false
                    """
                            .formatted(simulator.jenkinsUrl(), simulator.bitbucketUrl()));
            HarvestSummary second = harvest(config);

            // Then the kept builds are resolved (those still running then are simply harvested again) and
            // none is left without a source
            assertThat(second.resolvedLater()).isEqualTo(keptFinished).isPositive();
            assertThat(second.missingSources()).isEmpty();
            assertThat(HarvestCommand.exitCodeOf(second)).isEqualTo(ExitCode.OK);
            try (BuildStore store = BuildStore.open("jdbc:h2:file:" + dir.resolve("rebuild-causes-data/store"))) {
                assertThat(store.loadBuildChanges(BuildFilter.all()))
                        .noneMatch(b -> b.range().status() == RangeStatus.NO_CHANGE_SOURCE);
            }
        }
    }

    private HarvestSummary harvest(Path config) throws Exception {
        StringWriter out = new StringWriter();
        HarvestSummary summary =
                new HarvestRunner(new PrintWriter(out), new PrintWriter(new StringWriter()), ENV).run(config, true);
        assertThat(out.toString()).startsWith("harvested ");
        return summary;
    }
}
