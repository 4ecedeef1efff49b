package dev.rebuildcauses.report.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.model.Build;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RecentBuildsTest {
    private static Build build(String job, long number, long startedAtSecond) {
        return new Build(job, number, Instant.ofEpochSecond(startedAtSecond), null, "", "push", "r" + number, "main");
    }

    /** The oracle: every build sorted newest first, the first {@code limit} taken. */
    private static List<Build> sortedNewest(List<Build> builds, int limit) {
        List<Build> sorted = new ArrayList<>(builds);
        sorted.sort(RecentBuilds.NEWEST_FIRST);
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }

    private static List<Build> history(int size) {
        List<Build> builds = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < size; i++) {
            // two jobs, times that repeat: ties are broken by job, then number
            builds.add(build(random.nextBoolean() ? "a" : "b", i, i / 3 + random.nextInt(4)));
        }
        return builds;
    }

    @Test
    void shouldPickTheNewestOfAHistoryListedOldestFirstAsSortingItWould() {
        List<Build> builds = history(5_000);

        assertThat(RecentBuilds.newest(builds, Function.identity(), 40)).isEqualTo(sortedNewest(builds, 40));
    }

    @Test
    void shouldPickTheSameNewestWhateverTheOrderOfTheBuilds() {
        List<Build> builds = history(5_000);
        List<Build> shuffled = new ArrayList<>(builds);
        Collections.shuffle(shuffled, new Random(3));
        List<Build> newestFirst = new ArrayList<>(builds);
        Collections.reverse(newestFirst);

        assertThat(RecentBuilds.newest(shuffled, Function.identity(), 25)).isEqualTo(sortedNewest(builds, 25));
        assertThat(RecentBuilds.newest(newestFirst, Function.identity(), 25)).isEqualTo(sortedNewest(builds, 25));
    }

    @Test
    void shouldGiveEveryBuildWhenFewerThanTheLimitAndNoneForALimitOfZero() {
        List<Build> builds = history(7);

        assertThat(RecentBuilds.newest(builds, Function.identity(), 10)).isEqualTo(sortedNewest(builds, 10));
        assertThat(RecentBuilds.newest(builds, Function.identity(), 0)).isEmpty();
        assertThat(RecentBuilds.newest(List.<Build>of(), Function.identity(), 3))
                .isEmpty();
    }
}
