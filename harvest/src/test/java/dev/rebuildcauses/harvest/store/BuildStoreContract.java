package dev.rebuildcauses.harvest.store;

import static dev.rebuildcauses.harvest.store.StoreFixtures.T0;
import static dev.rebuildcauses.harvest.store.StoreFixtures.build;
import static dev.rebuildcauses.harvest.store.StoreFixtures.commit;
import static dev.rebuildcauses.harvest.store.StoreFixtures.threeBuilds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.RepositoryUrls;
import dev.rebuildcauses.harvest.model.BuildJob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The behaviour every store database must show; subclasses say which database. */
abstract class BuildStoreContract {
    /** A fresh, empty database. */
    abstract String url();

    /** Another fresh, empty database, named {@code name} (lower case letters and digits). */
    abstract String freshUrl(String name) throws Exception;

    @Test
    void shouldReadBackBuildsWithTheirRangesCommitsAndFiles() throws Exception {
        // Given three builds of one job: first build, a range of two commits, no new commit
        try (BuildStore store = BuildStore.open(url())) {
            store.saveJob(new BuildJob("images/a", "http://ci/job/images/job/a/", "hudson.model.FreeStyleProject"));
            // When they are saved and read back
            int newCommits = store.save("images/a", threeBuilds(), 3);
            List<BuildChanges> loaded = store.loadBuildChanges(BuildFilter.all());

            // Then every field comes back as written
            assertThat(newCommits).isEqualTo(2);
            assertThat(loaded).hasSize(3);
            assertThat(loaded)
                    .extracting(BuildChanges::build)
                    .containsExactly(
                            threeBuilds().get(0).build(),
                            threeBuilds().get(1).build(),
                            threeBuilds().get(2).build());
            assertThat(loaded.get(0).range()).isEqualTo(ChangeRange.firstBuild("r1"));
            assertThat(loaded.get(1).range()).isEqualTo(threeBuilds().get(1).range());
            assertThat(loaded.get(1).range().commits().get(1).isEmpty()).isTrue();
            assertThat(loaded.get(2).range()).isEqualTo(ChangeRange.noNewCommit("c3"));
            assertThat(store.watermark("images/a")).isEqualTo(3);
            assertThat(store.watermark("images/unknown")).isZero();
        }
    }

    @Test
    void shouldTellWhenTheNewestRecordedHarvestFinished() throws Exception {
        try (BuildStore store = BuildStore.open(freshUrl("harvest_runs"))) {
            // Given a store no harvest has finished in
            assertThat(store.lastHarvest()).isEmpty();

            // When two harvests are recorded, the newer one first
            java.time.Instant newer = java.time.Instant.parse("2026-12-04T10:15:30.250Z");
            store.recordHarvest(newer, "host-a:1", 12, 3);
            store.recordHarvest(newer.minusSeconds(3600), "host-b:2", 0, 3);

            // Then the store says when the newest finished, to the millisecond
            assertThat(store.lastHarvest()).contains(newer);
        }
    }

    @Test
    void shouldLeaveTheSameRowsWhenTheSameBuildsAreWrittenTwice() throws Exception {
        // Given a store with three builds
        try (BuildStore store = BuildStore.open(url())) {
            store.saveJob(new BuildJob("images/a", "http://ci/job/a/", ""));
            store.save("images/a", threeBuilds(), 3);
        }
        Map<String, List<String>> once = StoreDump.of(url());

        // When the same job and builds are written again
        try (BuildStore store = BuildStore.open(url())) {
            store.saveJob(new BuildJob("images/a", "http://ci/job/a/", ""));
            int newCommits = store.save("images/a", threeBuilds(), 3);
            assertThat(newCommits).isZero();
        }

        // Then every table holds exactly the same rows
        assertThat(StoreDump.of(url())).isEqualTo(once);
        assertThat(once.get("builds")).hasSize(3);
        assertThat(once.get("commits")).hasSize(2);
        assertThat(once.get("range_files")).hasSize(2);
        assertThat(once.get("build_causes")).hasSize(4);
    }

    @Test
    void shouldKeepACommitsKnownFileCountWhicheverRangeMetItFirst() throws Exception {
        // Given two jobs whose ranges hold the same commits: one knows how many files c2 changed,
        // the other read c2 as a merge's side commit (unknown, -1), and the other way round for c3
        StoredBuild knows = rangeBuild("images/knows", commit("c2", "r1", 2), commit("c3", "c2", -1));
        StoredBuild guesses = rangeBuild("images/guesses", commit("c2", "r1", -1), commit("c3", "c2", 0));

        // When they are written in one order into one store and in the other order into another
        String first = freshUrl("counts_one");
        String second = freshUrl("counts_two");
        for (String store : List.of(first, second)) {
            try (BuildStore opened = BuildStore.open(store)) {
                List<StoredBuild> order = store.equals(first) ? List.of(knows, guesses) : List.of(guesses, knows);
                for (StoredBuild build : order) {
                    opened.saveJob(new BuildJob(build.build().job(), "http://ci/job/x/", ""));
                    opened.save(build.build().job(), List.of(build), 1);
                }
            }
        }

        // Then both stores hold every known count, and the same rows
        Map<String, List<String>> one = StoreDump.of(first);
        assertThat(one.get("commits"))
                .hasSize(2)
                .anySatisfy(row -> assertThat(row).contains("change c2").endsWith("| 2"))
                .anySatisfy(row -> assertThat(row).contains("change c3").endsWith("| 0"));
        assertThat(StoreDump.of(second)).isEqualTo(one);
    }

    private static StoredBuild rangeBuild(String job, Commit... commits) {
        return new StoredBuild(
                build(job, 1, "c3", 0),
                false,
                "file:///repo.git",
                List.of(),
                ChangeRange.resolved(
                        "r1", "c3", List.of(commits), List.of(FileChange.of(ChangeKind.MODIFY, "Dockerfile"))));
    }

    @Test
    void shouldReplaceARunningBuildOnceItHasFinished() throws Exception {
        // Given build #2 stored while running
        try (BuildStore store = BuildStore.open(url())) {
            StoredBuild running = new StoredBuild(
                    new dev.rebuildcauses.analysis.model.Build(
                            "images/a", 2, T0, null, "", "push", "c2", "origin/main"),
                    true,
                    "",
                    List.of(StoreFixtures.PUSH),
                    ChangeRange.firstBuild("c2"));
            store.save("images/a", List.of(running), 0);
            assertThat(store.loadBuildChanges(BuildFilter.all())).isEmpty();
            assertThat(store.storedRanges("images/a", 0).get(2L).building()).isTrue();

            // When it is written again, finished
            StoredBuild finished = new StoredBuild(
                    build("images/a", 2, "c2", 0),
                    false,
                    "",
                    List.of(StoreFixtures.PUSH),
                    ChangeRange.firstBuild("c2"));
            store.save("images/a", List.of(finished), 2);

            // Then one finished row remains
            assertThat(store.loadBuildChanges(BuildFilter.all()))
                    .singleElement()
                    .satisfies(b -> assertThat(b.build().duration()).isEqualTo(Duration.ofSeconds(302)));
            assertThat(store.rowCounts()).containsEntry("builds", 1L);
        }
    }

    @Test
    void shouldWriteNothingOfABatchThatFails() throws Exception {
        // Given a store at watermark 1
        try (BuildStore store = BuildStore.open(url())) {
            store.save("images/a", threeBuilds().subList(0, 1), 1);

            // When a batch fails half-way (its second build belongs to another job)
            StoredBuild other =
                    new StoredBuild(build("images/b", 1, "x", 0), false, "", List.of(), ChangeRange.firstBuild("x"));
            assertThatThrownBy(
                            () -> store.save("images/a", List.of(threeBuilds().get(1), other), 2))
                    .isInstanceOf(IllegalArgumentException.class);

            // Then neither its builds, commits nor watermark were written
            assertThat(store.watermark("images/a")).isEqualTo(1);
            assertThat(store.rowCounts())
                    .containsEntry("builds", 1L)
                    .containsEntry("commits", 0L)
                    .containsEntry("range_files", 0L);
        }
    }

    @Test
    void shouldFindThePreviousRevisionOfTheSameBranch() throws Exception {
        try (BuildStore store = BuildStore.open(url())) {
            // Given main at #1 and #3, a feature branch at #2
            store.save(
                    "images/a",
                    List.of(
                            new StoredBuild(
                                    build("images/a", 1, "m1", 0), false, "", List.of(), ChangeRange.firstBuild("m1")),
                            new StoredBuild(
                                    new dev.rebuildcauses.analysis.model.Build(
                                            "images/a", 2, T0, Duration.ZERO, "SUCCESS", "", "f1", "origin/feature"),
                                    false,
                                    "",
                                    List.of(),
                                    ChangeRange.firstBuild("f1")),
                            new StoredBuild(
                                    build("images/a", 3, "m2", 0), false, "", List.of(), ChangeRange.firstBuild("m2"))),
                    3);

            // Then the previous build is looked up per branch and below the number asked
            assertThat(store.previousRevision("images/a", "origin/main", 4)).contains("m2");
            assertThat(store.previousRevision("images/a", "origin/main", 3)).contains("m1");
            assertThat(store.previousRevision("images/a", "origin/feature", 4)).contains("f1");
            assertThat(store.previousRevision("images/a", "origin/main", 1)).isEmpty();
            assertThat(store.previousRevision("images/b", "origin/main", 9)).isEmpty();
        }
    }

    @Test
    void shouldFilterByStartTimeAndJobGlob() throws Exception {
        try (BuildStore store = BuildStore.open(url())) {
            // Given builds of three jobs in two folders at T0, T0+60min, T0+120min
            store.save("images/a", threeBuilds(), 3);
            store.save(
                    "images/deep/b",
                    List.of(new StoredBuild(
                            build("images/deep/b", 1, "x", 30), false, "", List.of(), ChangeRange.firstBuild("x"))),
                    1);
            store.save(
                    "tools/c",
                    List.of(new StoredBuild(
                            build("tools/c", 1, "y", 30), false, "", List.of(), ChangeRange.firstBuild("y"))),
                    1);

            // Then since is inclusive, until exclusive, * stays in a folder and ** crosses folders
            assertThat(store.loadBuildChanges(new BuildFilter(T0.plusSeconds(3600), null, null)))
                    .extracting(b -> b.build().job() + "#" + b.build().number())
                    .containsExactly("images/a#2", "images/a#3");
            assertThat(store.loadBuildChanges(new BuildFilter(null, T0.plusSeconds(3600), null)))
                    .extracting(b -> b.build().job() + "#" + b.build().number())
                    .containsExactly("images/a#1", "images/deep/b#1", "tools/c#1");
            assertThat(store.loadBuildChanges(new BuildFilter(null, null, "images/*")))
                    .extracting(b -> b.build().job())
                    .containsOnly("images/a");
            assertThat(store.loadBuildChanges(new BuildFilter(null, null, "images/**")))
                    .extracting(b -> b.build().job())
                    .containsOnly("images/a", "images/deep/b");
        }
    }

    @Test
    void shouldCacheTheFilesOfACommitOnce() throws Exception {
        try (BuildStore store = BuildStore.open(url())) {
            // Given a commit cached with its files
            List<FileChange> files = List.of(FileChange.of(ChangeKind.ADD, "Dockerfile"));
            assertThat(store.commitFiles("repo", "c9")).isEmpty();
            store.saveCommitFiles("repo", commit("c9", "c8", 1), files);

            // When it is cached again with other files (commits never change, the first write wins)
            store.saveCommitFiles("repo", commit("c9", "c8", 1), List.of(FileChange.of(ChangeKind.ADD, "x")));

            // Then the first files come back, and the commit is known
            assertThat(store.commitFiles("repo", "c9")).contains(files);
            assertThat(store.commits(List.of("c9", "zz"))).containsOnlyKeys("c9");
            assertThat(store.rowCounts()).containsEntry("commit_files", 1L);
        }
    }

    @Test
    void shouldFindAStoredRangeByRepositoryAndRevisionsForTheBitbucketCache() throws Exception {
        try (BuildStore store = BuildStore.open(url())) {
            // Given images/a's builds stored from https://host/scm/img/a.git
            List<StoredBuild> builds = threeBuilds().stream()
                    .map(b -> new StoredBuild(b.build(), false, "https://host/scm/img/a.git", b.causes(), b.range()))
                    .toList();
            store.save("images/a", builds, 3);
            StoreCommitCache cache = new StoreCommitCache(store);

            // Then another spelling of the same repository finds the resolved range, and nothing else is found
            assertThat(cache.find(RepositoryUrls.normalize("ssh://git@host:7999/img/a.git"), "r1", "c3"))
                    .contains(threeBuilds().get(1).range());
            assertThat(cache.find(RepositoryUrls.normalize("https://host/scm/img/b.git"), "r1", "c3"))
                    .isEmpty();
            assertThat(cache.find(RepositoryUrls.normalize("https://host/scm/img/a.git"), "c3", "c3"))
                    .isEmpty();
        }
    }

    @Test
    void shouldMigrateOnceAndReopenAtTheSameVersion() throws Exception {
        try (BuildStore store = BuildStore.open(url())) {
            assertThat(store.schemaVersion()).isEqualTo(SchemaMigrator.SCRIPTS.size());
        }
        try (BuildStore store = BuildStore.open(url())) {
            assertThat(store.schemaVersion()).isEqualTo(SchemaMigrator.SCRIPTS.size());
        }
        assertThat(StoreDump.of(url()).get("schema_version")).hasSize(SchemaMigrator.SCRIPTS.size());
    }

    @Test
    void shouldStoreAnUnknownRangeWithItsProblem() throws Exception {
        try (BuildStore store = BuildStore.open(url())) {
            store.save(
                    "images/a",
                    List.of(new StoredBuild(
                            build("images/a", 5, "gone", 0),
                            false,
                            "",
                            List.of(),
                            ChangeRange.unknown("old", "gone", "commit gone (404)"))),
                    5);
            assertThat(store.loadBuildChanges(BuildFilter.all()))
                    .singleElement()
                    .satisfies(b -> {
                        assertThat(b.range().status()).isEqualTo(RangeStatus.UNKNOWN);
                        assertThat(b.range().problem()).isEqualTo("commit gone (404)");
                        assertThat(b.range().fromRevision()).isEqualTo("old");
                    });
        }
    }

    @Test
    void shouldCompleteACreationOrUpgradeStoppedAfterAnyStatement() throws Exception {
        // Given the schema of a store created in one go
        String clean = freshUrl("cleanschema");
        try (BuildStore store = BuildStore.open(clean)) {
            assertThat(store.schemaVersion()).isEqualTo(SchemaMigrator.SCRIPTS.size());
        }
        String expected = SchemaShape.of(clean);
        int cuts = 0;
        for (int script = 0; script < SchemaMigrator.SCRIPTS.size(); script++) {
            String name = SchemaMigrator.SCRIPTS.get(script);
            int statements =
                    SchemaMigrator.statements(SchemaMigrator.read(name)).size();
            for (int stop = 0; stop < statements; stop++) {
                // When a start (from nothing, or from the previous version holding a build) stops after
                // that statement as a kill would: nothing more runs, nothing more is committed
                String url = freshUrl("cut" + script + "x" + stop);
                try (Connection connection = DriverManager.getConnection(JdbcUrls.withSafeH2Settings(url))) {
                    connection.setAutoCommit(false);
                    new SchemaMigrator(connection).migrateTo(script);
                    if (script > 0) {
                        insertVersionOneBuild(connection);
                    }
                    int at = stop;
                    assertThatThrownBy(() -> new SchemaMigrator(connection, (s, i) -> {
                                        if (s.equals(name) && i == at) {
                                            throw new IllegalStateException("killed");
                                        }
                                    })
                                    .migrate())
                            .hasMessageContaining("killed");
                }

                // Then the next start completes the schema as a clean creation made it, keeping the build
                try (BuildStore store = BuildStore.open(url)) {
                    assertThat(store.schemaVersion()).isEqualTo(SchemaMigrator.SCRIPTS.size());
                    if (script > 0) {
                        assertThat(store.loadBuildChanges(BuildFilter.all()))
                                .extracting(
                                        b -> b.build().job() + "#" + b.build().number())
                                .containsExactly("images/old#1");
                    }
                }
                assertThat(SchemaShape.of(url))
                        .as("stopped after %s statement %d", name, stop)
                        .isEqualTo(expected);
                cuts++;
            }
        }
        assertThat(cuts).isGreaterThan(SchemaMigrator.SCRIPTS.size());
    }

    private static void insertVersionOneBuild(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO builds (job, build_number, started_at_ms, duration_ms, result, "
                    + "trigger_label, building, revision, branch, repository, range_status, from_revision, problem) "
                    + "VALUES ('images/old', 1, 0, 1000, 'SUCCESS', 'SCM', FALSE, 'r1', 'main', '', 'FIRST_BUILD', "
                    + "NULL, '')");
        }
        connection.commit();
    }

    static void assertFails(HarvestException e, String text) {
        assertThat(e.getMessage()).contains(text);
    }
}
