package dev.rebuildcauses.harvest.store;

import static dev.rebuildcauses.harvest.store.StoreFixtures.T0;
import static dev.rebuildcauses.harvest.store.StoreFixtures.build;
import static dev.rebuildcauses.harvest.store.StoreFixtures.threeBuilds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ChangesOmitted;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import dev.rebuildcauses.analysis.synthetic.SyntheticHistory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredBuildsTest {
    private static final String HEX_A = "0123456789abcdef0123456789abcdef01234567";
    private static final String HEX_B = "89abcdef0123456789abcdef0123456789abcdef";
    /** The third day of the synthetic history, which starts on 2022-01-03 and spans about four days. */
    private static final Instant SYNTHETIC_DAY_3 = Instant.parse("2022-01-05T00:00:00Z");

    private static final String UPPER = "ABCDEF0123456789ABCDEF0123456789ABCDEF01";

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
    }

    @Test
    void shouldGiveEveryBuildEqualToTheBuildReadAsObjects() throws Exception {
        // Given a store with a synthetic history of several jobs and builds of every odd kind
        fill();

        // When its builds are read compactly and as objects
        List<BuildChanges> compact = load(BuildFilter.all(), null);
        List<BuildChanges> objects = RowsAsObjects.load(url(), BuildFilter.all(), null);

        // Then they are the same builds with the same ranges, commits and files, nulls included
        assertThat(compact).isInstanceOf(StoredBuilds.class).hasSize(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            assertThat(compact.get(i)).as("build %d", i).isEqualTo(objects.get(i));
        }
        assertThat(compact).containsExactlyElementsOf(objects);
        assertThat(objects).extracting(b -> b.range().status()).contains(RangeStatus.values());
    }

    @Test
    void shouldReadOnlyTheJobsAndTimesTheFilterAsksFor() throws Exception {
        // Given a store with several jobs over several days
        fill();
        List<BuildFilter> filters = List.of(
                new BuildFilter(SYNTHETIC_DAY_3, null, null),
                new BuildFilter(null, SYNTHETIC_DAY_3, null),
                new BuildFilter(SYNTHETIC_DAY_3.minus(Duration.ofDays(1)), SYNTHETIC_DAY_3, "images/team-1/*"),
                new BuildFilter(null, null, "odd/**"));
        for (BuildFilter filter : filters) {
            // When read with the filter, of every job or of one
            // Then the builds are those the objects give, and no others
            assertThat(load(filter, null))
                    .as("%s", filter)
                    .containsExactlyElementsOf(RowsAsObjects.load(url(), filter, null))
                    .isNotEmpty();
            assertThat(load(filter, "images/team-1/image-8"))
                    .as("%s of one job", filter)
                    .containsExactlyElementsOf(RowsAsObjects.load(url(), filter, "images/team-1/image-8"));
        }
        assertThat(load(BuildFilter.all(), "images/team-1/image-8"))
                .isNotEmpty()
                .allSatisfy(b -> assertThat(b.build().job()).isEqualTo("images/team-1/image-8"));
    }

    @Test
    void shouldMakeEachBuildWhenAskedForAndWithoutItsChangesWhenToldSo() throws Exception {
        // Given the builds of a store read compactly
        fill();
        List<BuildChanges> builds = load(BuildFilter.all(), null);
        int resolved = indexOf(builds, RangeStatus.RESOLVED);

        // When one build is asked for twice, and without its changes
        BuildChanges first = builds.get(resolved);
        BuildChanges again = builds.get(resolved);
        BuildChanges omitted = ChangesOmitted.view(builds).get(resolved);

        // Then each read makes it anew, equal; without changes it keeps its record and status only
        assertThat(again).isEqualTo(first).isNotSameAs(first);
        assertThat(builds).isInstanceOf(ChangesOmitted.class);
        assertThat(first.range().commits()).isNotEmpty();
        assertThat(omitted.build())
                .usingRecursiveComparison()
                .ignoringFields("revision")
                .isEqualTo(first.build());
        assertThat(omitted.build().revision()).isNull();
        assertThat(omitted.range().status()).isEqualTo(RangeStatus.RESOLVED);
        assertThat(omitted.range().commits()).isEmpty();
        assertThat(omitted.range().files()).isEmpty();
        int unknown = indexOf(builds, RangeStatus.UNKNOWN);
        assertThat(ChangesOmitted.view(builds).get(unknown).range().problem())
                .isEqualTo(builds.get(unknown).range().problem())
                .isNotEmpty();
    }

    @Test
    void shouldReadTheSameCommitsByKeyInBatchesAsByReadingTheTableThrough() throws Exception {
        // Given a store with a synthetic history
        fill();
        List<BuildChanges> objects = RowsAsObjects.load(url(), BuildFilter.all(), null);
        BuildFilter oneTeam = new BuildFilter(null, null, "images/team-1/*");

        // When its commits are looked up by key, 7 at a time, even when all are wanted, and read by going
        // through the table, even when few are
        try (Connection connection = DriverManager.getConnection(url())) {
            List<BuildChanges> byKey = new StoredBuildsReader(connection, 7, 0).read(BuildFilter.all(), null);
            List<BuildChanges> byScan = new StoredBuildsReader(connection, 7, Integer.MAX_VALUE).read(oneTeam, null);

            // Then both give the builds the objects give
            assertThat(byKey).containsExactlyElementsOf(objects);
            assertThat(byScan).containsExactlyElementsOf(RowsAsObjects.load(url(), oneTeam, null));
        }
    }

    @Test
    void shouldLeaveOutOfItsRangeACommitTheCommitsTableLacksAsAJoinDid() throws Exception {
        // Given a store where one commit a range lists has no row of its own
        fill();
        try (Connection connection = DriverManager.getConnection(url());
                Statement delete = connection.createStatement()) {
            assertThat(delete.executeUpdate("DELETE FROM commits WHERE id = '" + HEX_A + "'"))
                    .isEqualTo(1);
        }

        // When the builds are read, reading the commits table through and by key
        List<BuildChanges> whole = load(BuildFilter.all(), null);
        List<BuildChanges> odd = load(BuildFilter.all(), "odd/builds");

        // Then the range keeps its other commits, in their order, as the objects read by a join do
        assertThat(whole).containsExactlyElementsOf(RowsAsObjects.load(url(), BuildFilter.all(), null));
        assertThat(odd).containsExactlyElementsOf(RowsAsObjects.load(url(), BuildFilter.all(), "odd/builds"));
        assertThat(odd.get(1).range().commits())
                .extracting(Commit::id)
                .containsExactly(HEX_B, odd.get(1).range().commits().get(1).id(), UPPER)
                .doesNotContain(HEX_A);
    }

    @Test
    void shouldReadAnEmptyStoreAsAnEmptyList() throws Exception {
        // Given a store no build was saved in
        try (BuildStore store = BuildStore.open(url())) {
            // When its builds are read
            List<BuildChanges> builds = store.loadBuildChanges(BuildFilter.all());

            // Then there are none
            assertThat(builds).isEmpty();
            assertThat(ChangesOmitted.view(builds)).isEmpty();
        }
    }

    private static int indexOf(List<BuildChanges> builds, RangeStatus status) {
        for (int i = 0; i < builds.size(); i++) {
            if (builds.get(i).range().status() == status) {
                return i;
            }
        }
        throw new AssertionError("no build of status " + status);
    }

    private List<BuildChanges> load(BuildFilter filter, String job) throws Exception {
        try (BuildStore store = BuildStore.open(url())) {
            return job == null ? store.loadBuildChanges(filter) : store.loadBuildChanges(filter, job);
        }
    }

    /**
     * A synthetic history of 50 jobs, the fixture's job with ids that are no hexadecimal, and a job of odd
     * builds: a merge, a commit without parents or time, an upper-case id, a message UTF-8 cannot hold, a
     * commit shared with another job's range, a build without revision, one still running, one stored as
     * UNKNOWN without revision by an older release.
     */
    private void fill() throws Exception {
        Map<String, List<StoredBuild>> byJob = new LinkedHashMap<>();
        for (BuildChanges b : SyntheticHistory.generate(1_500, 7)) {
            byJob.computeIfAbsent(b.build().job(), j -> new ArrayList<>())
                    .add(new StoredBuild(b.build(), false, "", List.of(), b.range()));
        }
        Commit shared = byJob.get("images/team-1/image-8").stream()
                .flatMap(b -> b.range().commits().stream())
                .findFirst()
                .orElseThrow();
        Commit merge = new Commit(HEX_A, List.of(HEX_B, shared.id()), "bob", null, "Merge \uD800 odd", 3);
        Commit root = new Commit(HEX_B, List.of(), "", T0, "", -1);
        Commit upper = new Commit(UPPER, List.of(HEX_A), "carol", T0, "ünïcode ✓", 1);
        String odd = "odd/builds";
        List<StoredBuild> odds = List.of(
                new StoredBuild(build(odd, 1, HEX_B, 0), false, "", List.of(), ChangeRange.firstBuild(HEX_B)),
                new StoredBuild(
                        build(odd, 2, UPPER, 10),
                        false,
                        "",
                        List.of(),
                        ChangeRange.resolved(
                                HEX_B,
                                UPPER,
                                List.of(root, merge, shared, upper),
                                List.of(
                                        FileChange.of(ChangeKind.ADD, "a b/ü.txt"),
                                        new FileChange(ChangeKind.COPY, "x", "y"),
                                        FileChange.of(ChangeKind.DELETE, "a b/ü.txt")))),
                new StoredBuild(
                        new Build(odd, 3, T0.plusSeconds(1200), null, "", "", null, ""),
                        false,
                        "",
                        List.of(),
                        ChangeRange.noRevision(UPPER, "no checkout")),
                new StoredBuild(build(odd, 4, "r9", 30), true, "", List.of(), ChangeRange.unknown(UPPER, "r9", "?")),
                new StoredBuild(
                        build(odd, 5, "feature", 40),
                        false,
                        "",
                        List.of(),
                        ChangeRange.noChangeSource(UPPER, "feature", "no source")),
                new StoredBuild(
                        new Build(odd, 6, T0.plusSeconds(3000), null, "ABORTED", "timer", null, "x"),
                        false,
                        "",
                        List.of(),
                        ChangeRange.unknown("feature", null, "legacy")));
        try (BuildStore store = BuildStore.open(url())) {
            for (Map.Entry<String, List<StoredBuild>> job : byJob.entrySet()) {
                store.save(job.getKey(), job.getValue(), 1_000);
            }
            store.save("images/a", threeBuilds(), 3);
            store.save(odd, odds, 6);
        }
        try (Connection connection = DriverManager.getConnection(url());
                Statement legacy = connection.createStatement()) {
            // an older release stored a build without revision as UNKNOWN; it reads as NO_REVISION
            assertThat(legacy.executeUpdate("UPDATE builds SET range_status = 'UNKNOWN' WHERE job = 'odd/builds' "
                            + "AND build_number = 6"))
                    .isEqualTo(1);
        }
    }
}
