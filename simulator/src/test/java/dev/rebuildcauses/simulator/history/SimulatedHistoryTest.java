package dev.rebuildcauses.simulator.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.model.Causes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatedHistoryTest {
    private static SimulatedHistory history;
    private static List<SimulatedBuild> finished;

    @BeforeAll
    static void generate() {
        history = SimulatedHistory.generate(42, 3000);
        finished = history.buildableJobs().stream()
                .flatMap(job -> job.builds().stream())
                .filter(build -> !build.building())
                .toList();
    }

    @Test
    void shouldBeDeterministicBySeed() {
        // Given the same seed twice and another seed
        SimulatedHistory again = SimulatedHistory.generate(42, 3000);
        SimulatedHistory other = SimulatedHistory.generate(43, 3000);

        // Then the same seed gives the same revisions, another seed others
        assertThat(revisions(again)).isEqualTo(revisions(history));
        assertThat(revisions(other)).isNotEqualTo(revisions(history));
    }

    private static List<String> revisions(SimulatedHistory h) {
        return h.buildableJobs().stream()
                .flatMap(job -> job.builds().stream())
                .map(SimulatedBuild::revision)
                .toList();
    }

    @Test
    void shouldHoldAboutTheTargetBuildsInADozenJobsOfSeveralFolders() {
        assertThat(history.buildCount()).isBetween(2950, 3050);
        assertThat(history.buildableJobs()).hasSizeBetween(12, 16);
        assertThat(history.buildableJobs())
                .extracting(SimulatedJob::fullName)
                .contains(
                        "images/ml/torch",
                        "services/webapp/main",
                        "services/webapp/feature%2Fx",
                        "acme/model-server/main");
        assertThat(history.buildableJobs().stream()
                        .filter(job -> job.builds().get(job.builds().size() - 1).building()))
                .hasSize(3);
    }

    @Test
    void shouldMakeCodeHalfOfBuildsAndTimeMostlyAlone() {
        // When shares are computed over the planned causes of finished builds
        long code = count(Causes.CODE);
        long codeOnly = finished.stream()
                .filter(b -> b.plannedCauses().equals(java.util.Set.of(Causes.CODE)))
                .count();

        // Then code is about half of builds and time, and code-only about 85% of code builds
        assertThat((double) code / finished.size()).isBetween(0.42, 0.62);
        assertThat(timeShare(Causes.CODE)).isBetween(0.40, 0.62);
        assertThat((double) codeOnly / code).isBetween(0.78, 0.92);
    }

    @Test
    void shouldMakeEmptyCommitsAboutATenthOfTimeAndCiRarelyAlone() {
        long ci = count(Causes.CI);
        long ciOnly = finished.stream()
                .filter(b -> b.plannedCauses().equals(java.util.Set.of(Causes.CI)))
                .count();

        assertThat(timeShare(Causes.EMPTY_COMMIT)).isBetween(0.06, 0.14);
        assertThat(ci).isPositive();
        assertThat((double) ciOnly / ci).isLessThan(0.3);
    }

    @Test
    void shouldChangeTheEnvironmentAboutMonthlyWithTheLongestBuilds() {
        // Then every cause's mean duration relative to its job's mean is highest for the environment
        Map<String, double[]> relative = new HashMap<>();
        for (SimulatedJob job : history.buildableJobs()) {
            List<SimulatedBuild> builds =
                    job.builds().stream().filter(b -> !b.building()).toList();
            double mean = builds.stream()
                    .mapToLong(SimulatedBuild::durationMillis)
                    .average()
                    .orElse(1);
            for (SimulatedBuild build : builds) {
                for (String cause : build.plannedCauses()) {
                    double[] sum = relative.computeIfAbsent(cause, c -> new double[2]);
                    sum[0] += build.durationMillis() / mean;
                    sum[1]++;
                }
            }
        }
        double environment = relative.get(Causes.ENVIRONMENT)[0] / relative.get(Causes.ENVIRONMENT)[1];
        relative.forEach((cause, sum) -> {
            if (!cause.equals(Causes.ENVIRONMENT)) {
                assertThat(sum[0] / sum[1]).as(cause).isLessThan(environment);
            }
        });
        // and about one environment change a month per job over six months
        double perJobMonth =
                count(Causes.ENVIRONMENT) / (history.buildableJobs().size() * 6.0);
        assertThat(perJobMonth).isBetween(0.6, 1.6);
    }

    @Test
    void shouldRebuildTheSameRevisionOnTimersAndByHand() {
        List<SimulatedBuild> rebuilds = finished.stream()
                .filter(b -> b.plannedCauses().contains(Causes.NO_NEW_COMMIT))
                .toList();
        assertThat(rebuilds).isNotEmpty();
        assertThat(rebuilds)
                .flatExtracting(SimulatedBuild::causes)
                .extracting(SimulatedCause::className)
                .contains("hudson.triggers.TimerTrigger$TimerTriggerCause", "hudson.model.Cause$UserIdCause");
        assertThat(rebuilds).allMatch(b -> b.changeLog().isEmpty());
    }

    @Test
    void shouldMergeTheFeatureBranchIntoMain() {
        SimulatedRepository webapp = history.repository("SVC", "webapp").orElseThrow();
        assertThat(webapp.commits()).anyMatch(c -> c.parents().size() == 2);
    }

    @Test
    void shouldKeepRangesConsistentWithParents() {
        // Given a job's consecutive builds
        SimulatedJob job = history.buildableJobs().get(0);
        SimulatedRepository repo = history.repository(job.repositoryKey()).orElseThrow();
        List<SimulatedBuild> builds = job.builds();
        for (int i = 1; i < builds.size(); i++) {
            List<SimulatedCommit> range = repo.rangeCommits(
                    builds.get(i - 1).revision(), builds.get(i).revision());
            // Then the range is the change log, newest first, each commit's parent the next one
            assertThat(range).hasSameSizeAs(builds.get(i).changeLog());
            for (int k = 0; k + 1 < range.size(); k++) {
                assertThat(range.get(k).parents()).contains(range.get(k + 1).id());
            }
        }
    }

    private static long count(String cause) {
        return finished.stream().filter(b -> b.plannedCauses().contains(cause)).count();
    }

    private static double timeShare(String cause) {
        long total = finished.stream().mapToLong(SimulatedBuild::durationMillis).sum();
        long withCause = finished.stream()
                .filter(b -> b.plannedCauses().contains(cause))
                .mapToLong(SimulatedBuild::durationMillis)
                .sum();
        return (double) withCause / total;
    }

    @Test
    void shouldPickAGoneCommitBetweenTwoPushBuilds() {
        SimulatedHistory.GoneCommit gone = history.goneCommitCandidate();
        assertThat(gone.nextBuildNumber()).isEqualTo(gone.buildNumber() + 1);
        assertThat(gone.commitId()).matches("[0-9a-f]{40}");
    }

    @Test
    void shouldListARangeAsTheCommitsReachableFromUntilAndNotFromSince() {
        // Given the repository with a merged feature branch and an oracle by plain set difference
        SimulatedRepository webapp = history.repository("SVC", "webapp").orElseThrow();
        List<SimulatedCommit> all = webapp.commits();
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 200; i++) {
            String since = all.get(random.nextInt(all.size())).id();
            String until = all.get(random.nextInt(all.size())).id();
            java.util.Set<String> expected = new java.util.HashSet<>(reachable(webapp, until));
            expected.removeAll(reachable(webapp, since));

            // When the range is listed
            List<String> range = webapp.rangeCommits(since, until).stream()
                    .map(SimulatedCommit::id)
                    .toList();

            // Then it holds exactly those commits, newest first
            assertThat(range).containsExactlyInAnyOrderElementsOf(expected);
            for (int k = 0; k + 1 < range.size(); k++) {
                assertThat(all.indexOf(webapp.commit(range.get(k)).orElseThrow()))
                        .isGreaterThan(
                                all.indexOf(webapp.commit(range.get(k + 1)).orElseThrow()));
            }
        }
    }

    private static java.util.Set<String> reachable(SimulatedRepository repo, String id) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                repo.commit(next).orElseThrow().parents().forEach(todo::push);
            }
        }
        return seen;
    }
}
