package dev.rebuildcauses.harvest.run;

import static dev.rebuildcauses.harvest.run.FakeBuilds.finished;
import static dev.rebuildcauses.harvest.run.FakeBuilds.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import dev.rebuildcauses.harvest.changes.ChangeSource;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.jenkins.BuiltRevision;
import dev.rebuildcauses.harvest.jenkins.JenkinsBuild;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.harvest.store.StoreDump;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarvesterTest {
    @TempDir
    Path dir;

    private final FakeChangeSource changes = new FakeChangeSource(0);

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
    }

    private HarvestSummary harvest(FakeJenkins jenkins, HarvestPlan plan) throws Exception {
        try (BuildStore store = BuildStore.open(url())) {
            return new Harvester(
                            store,
                            jenkins,
                            changes,
                            RevisionChooser.BY_URL,
                            FakeBuilds::label,
                            plan,
                            HarvestProgress.NONE)
                    .harvest();
        }
    }

    private List<BuildChanges> stored() throws Exception {
        try (BuildStore store = BuildStore.open(url())) {
            return store.loadBuildChanges(BuildFilter.all());
        }
    }

    @Test
    void shouldResolveEachRangeAgainstThePreviousBuildOfTheSameBranch() throws Exception {
        // Given main at r-1, feature at f-1, main moved to r-3, main again at r-3, feature moved to f-2
        FakeJenkins jenkins = new FakeJenkins()
                .job(
                        "images/a",
                        List.of(
                                finished("images/a", 1, "r-1", "origin/main"),
                                finished("images/a", 2, "f-1", "origin/feature"),
                                finished("images/a", 3, "r-3", "origin/main"),
                                finished("images/a", 4, "r-3", "origin/main"),
                                finished("images/a", 5, "f-2", "origin/feature")));

        // When it is harvested
        HarvestSummary summary = harvest(jenkins, HarvestPlan.everything());

        // Then ranges follow each branch, and only moved revisions are asked of the source
        assertThat(changes.calls).containsExactly(FakeBuilds.REPO + " r-1..r-3", FakeBuilds.REPO + " f-1..f-2");
        List<BuildChanges> builds = stored();
        assertThat(builds)
                .extracting(b -> b.range().status())
                .containsExactly(
                        RangeStatus.FIRST_BUILD,
                        RangeStatus.FIRST_BUILD,
                        RangeStatus.RESOLVED,
                        RangeStatus.NO_NEW_COMMIT,
                        RangeStatus.RESOLVED);
        assertThat(builds.get(2).range().commits()).extracting(c -> c.id()).containsExactly("r-2", "r-3");
        assertThat(builds.get(2).range().files())
                .containsExactly(
                        FileChange.of(ChangeKind.MODIFY, "src/f2.py"), FileChange.of(ChangeKind.MODIFY, "Dockerfile"));
        assertThat(builds.get(3).build().trigger()).isEqualTo("TimerTriggerCause");
        assertThat(builds.get(4).range().fromRevision()).isEqualTo("f-1");
        assertThat(summary).isEqualTo(new HarvestSummary(5, 1, 2, 3, 2, 0, 0, 0));
        assertThat(summary.line())
                .isEqualTo("harvested 5 new builds of 1 jobs (2 ranges, 3 commits); requests: jenkins 2, "
                        + "bitbucket 0; unknown ranges 0; no revision 0; no change source 0");
    }

    @Test
    void shouldTakeAMultibranchJobsOwnRevisionWhenTheLibrarysBuildDataComesLast() throws Exception {
        // Given a branch job (no config.xml remote, nothing mapped) whose builds carry the shared
        // library's BuildData (master) after their own (feature/x)
        String library = "https://bitbucket.example.com/scm/CI/jenkins-shared-lib.git";
        String job = "svc/webapp/feature%2Fx";
        List<JenkinsBuild> builds = new java.util.ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            JenkinsBuild plain = finished(job, n, "r-" + (n * 2 - 1), "feature/x");
            builds.add(new JenkinsBuild(
                    plain.job(),
                    plain.number(),
                    plain.startedAt(),
                    plain.duration(),
                    plain.result(),
                    plain.building(),
                    plain.causes(),
                    List.of(plain.revisions().get(0), new BuiltRevision("lib-" + n, "master", List.of(library))),
                    plain.changeSetCommitIds()));
        }
        FakeJenkins jenkins = new FakeJenkins().job(job, builds);

        // When it is harvested
        harvest(jenkins, HarvestPlan.everything());

        // Then the builds' own revisions and repository make the range, not the library's
        assertThat(changes.calls).containsExactly(FakeBuilds.REPO + " r-1..r-3");
        assertThat(stored()).extracting(b -> b.build().revision()).containsExactly("r-1", "r-3");
        assertThat(stored()).extracting(b -> b.build().branch()).containsOnly("feature/x");
    }

    @Test
    void shouldFetchOnlyWhatIsNewWhenRunAgain() throws Exception {
        // Given three jobs of 40 builds harvested once
        FakeJenkins jenkins = new FakeJenkins()
                .job("images/a", FakeBuilds.generated("images/a", 40))
                .job("images/b", FakeBuilds.generated("images/b", 40))
                .job("tools/c", FakeBuilds.generated("tools/c", 40));
        HarvestSummary first = harvest(jenkins, HarvestPlan.everything().withBatchSize(7));
        Map<String, List<String>> afterFirst = StoreDump.of(url());
        int firstRanges = changes.calls.size();

        // When it runs again with nothing new
        jenkins.requests = 0;
        HarvestSummary second = harvest(jenkins, HarvestPlan.everything());

        // Then it asks Jenkins one discovery plus one build list per job, no range at all, and writes nothing
        assertThat(first.newBuilds()).isEqualTo(120);
        assertThat(firstRanges).isPositive();
        assertThat(second).isEqualTo(new HarvestSummary(0, 3, 0, 0, 4, 0, 0, 0));
        assertThat(changes.calls).hasSize(firstRanges);
        assertThat(StoreDump.of(url())).isEqualTo(afterFirst);

        // And when two builds arrive, only they are fetched and their ranges resolved
        jenkins.replace("images/a", finished("images/a", 41, "images_a-m-99", "origin/main"));
        jenkins.replace("images/a", finished("images/a", 42, "images_a-m-99", "origin/main"));
        HarvestSummary third = harvest(jenkins, HarvestPlan.everything());
        assertThat(third.newBuilds()).isEqualTo(2);
        assertThat(third.ranges()).isEqualTo(1);
        assertThat(changes.calls.get(changes.calls.size() - 1)).endsWith("..images_a-m-99");
    }

    @Test
    void shouldCollectARunningBuildAgainOnceItHasFinished() throws Exception {
        // Given build 3 running while 4 and 5 have finished
        FakeJenkins jenkins = new FakeJenkins()
                .job(
                        "images/a",
                        List.of(
                                finished("images/a", 1, "r-1", "origin/main"),
                                finished("images/a", 2, "r-2", "origin/main"),
                                running("images/a", 3, "r-3", "origin/main"),
                                finished("images/a", 4, "r-4", "origin/main"),
                                finished("images/a", 5, "r-4", "origin/main")));

        // When harvested, the watermark stops below the running build and the report skips it
        HarvestSummary first = harvest(jenkins, HarvestPlan.everything());
        try (BuildStore store = BuildStore.open(url())) {
            assertThat(store.watermark("images/a")).isEqualTo(2);
        }
        assertThat(first.runningBuilds()).isEqualTo(1);
        assertThat(stored()).extracting(b -> b.build().number()).containsExactly(1L, 2L, 4L, 5L);

        // And once it has finished, the next harvest collects it and nothing else
        jenkins.replace("images/a", finished("images/a", 3, "r-3", "origin/main"));
        int callsBefore = changes.calls.size();
        HarvestSummary second = harvest(jenkins, HarvestPlan.everything());

        assertThat(second.newBuilds()).isEqualTo(1);
        assertThat(changes.calls.size() - callsBefore).isEqualTo(1);
        try (BuildStore store = BuildStore.open(url())) {
            assertThat(store.watermark("images/a")).isEqualTo(5);
        }
        assertThat(stored())
                .filteredOn(b -> b.build().number() == 3)
                .singleElement()
                .satisfies(b -> {
                    assertThat(b.build().duration()).isEqualTo(Duration.ofSeconds(103));
                    assertThat(b.range().fromRevision()).isEqualTo("r-2");
                });
    }

    @Test
    void shouldKeepABuildWhoseRangeIsGoneAsUnknownAndGoOn() throws Exception {
        FakeJenkins jenkins = new FakeJenkins()
                .job(
                        "images/a",
                        List.of(
                                finished("images/a", 1, "r-1", "origin/main"),
                                finished("images/a", 2, "gone-7", "origin/main"),
                                finished("images/a", 3, null, ""),
                                finished("images/a", 4, "r-9", "origin/main")));

        HarvestSummary summary = harvest(jenkins, HarvestPlan.everything());

        assertThat(summary.unknownRanges()).isEqualTo(2);
        assertThat(summary.noRevision()).isEqualTo(1);
        assertThat(stored())
                .extracting(b -> b.range().status() + " " + b.range().problem())
                .containsExactly(
                        "FIRST_BUILD ",
                        "UNKNOWN commit not found (404)",
                        "NO_REVISION the build recorded no git revision",
                        "UNKNOWN commit not found (404)");
    }

    @Test
    void shouldKeepBuildsOfARepositoryWithoutChangeSourceAndResolveThemOnceItHasOne() throws Exception {
        // Given two jobs, one built from a repository this harvest has no clone for
        String elsewhere = "git@github.com:someone/other.git";
        changes.withoutSource.add(elsewhere);
        FakeJenkins jenkins = new FakeJenkins()
                .job("images/a", FakeBuilds.generated("images/a", 6))
                .job(
                        "org/other/main",
                        List.of(
                                otherRepo("org/other/main", 1, "o-1", elsewhere),
                                otherRepo("org/other/main", 2, "o-2", elsewhere),
                                otherRepo("org/other/main", 3, "o-4", elsewhere)));

        // When it is harvested
        HarvestSummary first = harvest(jenkins, HarvestPlan.everything());

        // Then every build is stored, those needing the missing source marked so, and counted per repository
        assertThat(stored()).hasSize(9);
        assertThat(stored())
                .filteredOn(b -> b.build().job().equals("org/other/main"))
                .extracting(b -> b.range().status())
                .containsExactly(RangeStatus.FIRST_BUILD, RangeStatus.NO_CHANGE_SOURCE, RangeStatus.NO_CHANGE_SOURCE);
        assertThat(first.noChangeSource()).isEqualTo(2);
        assertThat(first.nothingResolvable()).isFalse();
        assertThat(first.missingSources())
                .containsExactly(new HarvestSummary.MissingSource(elsewhere, List.of("org/other/main"), 2));
        assertThat(first.line()).contains("; no change source 2");
        assertThat(changes.calls).noneMatch(call -> call.startsWith(elsewhere));

        // When the repository gets a source and a later harvest runs, with no new build in Jenkins
        changes.withoutSource.clear();
        HarvestSummary second = harvest(jenkins, HarvestPlan.everything());

        // Then those builds are resolved from where they were, and nothing is missing any more
        assertThat(second.resolvedLater()).isEqualTo(2);
        assertThat(second.missingSources()).isEmpty();
        assertThat(changes.calls).contains(elsewhere + " o-1..o-2", elsewhere + " o-2..o-4");
        assertThat(stored())
                .filteredOn(b -> b.build().job().equals("org/other/main"))
                .extracting(b -> b.range().status() + " " + b.range().commits().size())
                .containsExactly("FIRST_BUILD 0", "RESOLVED 1", "RESOLVED 2");

        // And a third harvest has nothing left to do
        HarvestSummary third = harvest(jenkins, HarvestPlan.everything());
        assertThat(third.resolvedLater()).isZero();
        assertThat(third.ranges()).isZero();
    }

    @Test
    void shouldSayNothingWasResolvableWhenNoRepositoryHasASource() throws Exception {
        changes.withoutSource.add(FakeBuilds.REPO);
        FakeJenkins jenkins = new FakeJenkins().job("images/a", FakeBuilds.generated("images/a", 6));

        HarvestSummary summary = harvest(jenkins, HarvestPlan.everything());

        assertThat(summary.newBuilds()).isEqualTo(6);
        assertThat(summary.noChangeSource()).isPositive();
        assertThat(summary.nothingResolvable()).isTrue();
    }

    private static JenkinsBuild otherRepo(String job, long number, String revision, String repository) {
        return new JenkinsBuild(
                job,
                number,
                FakeBuilds.T0.plusSeconds(number * 3600),
                Duration.ofSeconds(60),
                "SUCCESS",
                false,
                List.of(),
                List.of(new BuiltRevision(revision, "origin/main", List.of(repository))),
                List.of());
    }

    @Test
    void shouldUseTheMappedRepositoryOrElseReadTheJobConfigOnce() throws Exception {
        // Given Hudson-like builds that export no remote URL, one job mapped in the config and one not
        JenkinsBuild b1 = new JenkinsBuild(
                "tools/x",
                1,
                FakeBuilds.T0,
                Duration.ofSeconds(5),
                "SUCCESS",
                false,
                List.of(),
                List.of(new BuiltRevision("x-1", "origin/main", List.of())),
                List.of());
        JenkinsBuild b2 = new JenkinsBuild(
                "tools/x",
                2,
                FakeBuilds.T0,
                Duration.ofSeconds(5),
                "SUCCESS",
                false,
                List.of(),
                List.of(new BuiltRevision("x-2", "origin/main", List.of())),
                List.of());
        FakeJenkins jenkins = new FakeJenkins()
                .job("tools/x", List.of(b1, b2))
                .job(
                        "images/y",
                        List.of(
                                new JenkinsBuild(
                                        "images/y",
                                        1,
                                        FakeBuilds.T0,
                                        Duration.ZERO,
                                        "SUCCESS",
                                        false,
                                        List.of(),
                                        List.of(new BuiltRevision("y-1", "origin/main", List.of())),
                                        List.of()),
                                new JenkinsBuild(
                                        "images/y",
                                        2,
                                        FakeBuilds.T0,
                                        Duration.ZERO,
                                        "SUCCESS",
                                        false,
                                        List.of(),
                                        List.of(new BuiltRevision("y-3", "origin/main", List.of())),
                                        List.of())));
        jenkins.configuredUrls.put("tools/x", "file:///srv/x.git");

        // When harvested with images/* mapped to a local clone
        harvest(
                jenkins,
                HarvestPlan.everything()
                        .withRepositories(
                                job -> job.startsWith("images/") ? Optional.of("/srv/mirrors/y") : Optional.empty()));

        // Then the mapped job uses its clone, the other its config.xml URL, read once
        assertThat(changes.calls).containsExactly("file:///srv/x.git x-1..x-2", "/srv/mirrors/y y-1..y-3");
        assertThat(jenkins.configXmlRequests).isEqualTo(1);
    }

    @Test
    void shouldHarvestOnlyIncludedJobsThatAreNotExcluded() throws Exception {
        FakeJenkins jenkins = new FakeJenkins()
                .job("images/a", FakeBuilds.generated("images/a", 3))
                .job("images/legacy/b", FakeBuilds.generated("images/legacy/b", 3))
                .job("tools/c", FakeBuilds.generated("tools/c", 3));

        HarvestSummary summary = harvest(
                jenkins,
                new HarvestPlan(List.of("images/**"), List.of("images/legacy/**"), job -> Optional.empty(), 50));

        assertThat(summary.jobs()).isEqualTo(1);
        assertThat(stored()).extracting(b -> b.build().job()).containsOnly("images/a");
    }

    @Test
    void shouldKeepOnlyWholeBatchesWhenTheSourceFailsAndEndCleanOnTheNextRun() throws Exception {
        // Given a source that refuses its 25th range (say, a token revoked mid-harvest)
        FakeJenkins jenkins = new FakeJenkins()
                .job("images/a", FakeBuilds.generated("images/a", 40))
                .job("images/b", FakeBuilds.generated("images/b", 40));
        ChangeSource failing = new ChangeSource() {
            int calls;

            @Override
            public ChangeRange resolve(String repository, String from, String to) throws HarvestException {
                if (++calls == 25) {
                    throw new HarvestException(HarvestException.FailureKind.AUTH, "401 from bitbucket: token refused");
                }
                return changes.resolve(repository, from, to);
            }
        };

        // When the harvest fails part-way
        try (BuildStore store = BuildStore.open(url())) {
            Harvester harvester = new Harvester(
                    store,
                    jenkins,
                    failing,
                    RevisionChooser.BY_URL,
                    FakeBuilds::label,
                    HarvestPlan.everything().withBatchSize(6),
                    HarvestProgress.NONE);
            assertThatThrownBy(harvester::harvest)
                    .isInstanceOf(HarvestException.class)
                    .hasMessage("401 from bitbucket: token refused");
        }

        // Then the store holds whole batches only: every build up to the watermark, none above it
        try (BuildStore store = BuildStore.open(url())) {
            long watermark = store.watermark("images/a");
            List<Long> numbers = store.loadBuildChanges(BuildFilter.all()).stream()
                    .filter(b -> b.build().job().equals("images/a"))
                    .map(b -> b.build().number())
                    .toList();
            assertThat(watermark).isPositive().isLessThan(40);
            assertThat(numbers).hasSize((int) watermark).allMatch(n -> n <= watermark);
        }

        // And a run with a working source ends exactly as a clean harvest
        harvest(jenkins, HarvestPlan.everything());
        Map<String, List<String>> resumed = StoreDump.of(url());
        Path cleanDir = dir.resolve("clean");
        String clean = "jdbc:h2:file:" + cleanDir.resolve("store").toAbsolutePath();
        try (BuildStore store = BuildStore.open(clean)) {
            new Harvester(
                            store,
                            jenkins,
                            new FakeChangeSource(0),
                            RevisionChooser.BY_URL,
                            FakeBuilds::label,
                            HarvestPlan.everything(),
                            HarvestProgress.NONE)
                    .harvest();
        }
        assertThat(resumed).isEqualTo(StoreDump.of(clean));
    }

    @Test
    void shouldStoreTheSameWhetherRangesAreAskedOneByOneOrInParallel() throws Exception {
        // Given three jobs, harvested one range at a time into one store
        FakeJenkins jenkins = new FakeJenkins()
                .job("images/a", FakeBuilds.generated("images/a", 60))
                .job("images/b", FakeBuilds.generated("images/b", 60))
                .job("tools/c", FakeBuilds.generated("tools/c", 60));
        HarvestSummary serial = harvest(jenkins, HarvestPlan.everything().withBatchSize(7));
        Map<String, List<String>> expected = StoreDump.of(url());

        // When the same is harvested with eight ranges at once into another store
        String parallelUrl = "jdbc:h2:file:" + dir.resolve("parallel/store").toAbsolutePath();
        HarvestSummary parallel;
        try (BuildStore store = BuildStore.open(parallelUrl)) {
            parallel = new Harvester(
                            store,
                            jenkins,
                            new FakeChangeSource(1),
                            RevisionChooser.BY_URL,
                            FakeBuilds::label,
                            HarvestPlan.everything().withBatchSize(7),
                            HarvestProgress.NONE)
                    .withRangeConcurrency(8)
                    .harvest();
        }

        // Then both stores hold the same rows and the counts agree
        assertThat(StoreDump.of(parallelUrl)).isEqualTo(expected);
        assertThat(parallel.ranges()).isEqualTo(serial.ranges()).isPositive();
        assertThat(parallel.newBuilds()).isEqualTo(180);
    }
}
