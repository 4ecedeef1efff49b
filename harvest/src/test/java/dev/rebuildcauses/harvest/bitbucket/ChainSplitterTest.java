package dev.rebuildcauses.harvest.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.model.Commit;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainSplitterTest {
    private static Commit commit(String id, String... parents) {
        return new Commit(id, List.of(parents), "dev@example.com", Instant.EPOCH, "m", -1);
    }

    private static List<String> ids(List<Commit> commits) {
        return commits.stream().map(Commit::id).toList();
    }

    @Test
    void shouldSplitALinearChainAtEachBuildsRevision() {
        // given r0 <- a <- b <- c, builds at r0, a and c; the listing r0..c newest first
        List<Commit> listing = List.of(commit("c", "b"), commit("b", "a"), commit("a", "r0"));

        // when
        Map<Integer, List<Commit>> ranges = ChainSplitter.split(List.of("r0", "a", "c"), listing);

        // then
        assertThat(ranges).containsOnlyKeys(1, 2);
        assertThat(ids(ranges.get(1))).containsExactly("a");
        assertThat(ids(ranges.get(2))).containsExactly("c", "b");
    }

    @Test
    void shouldGiveMergedCommitsToTheRangeOfTheMergeThatBroughtThem() {
        // given x on the main line after r0, a feature f1 <- f2 from r0, merged by m (first parent x)
        List<Commit> listing =
                List.of(commit("m", "x", "f2"), commit("f2", "f1"), commit("f1", "r0"), commit("x", "r0"));

        // when
        Map<Integer, List<Commit>> ranges = ChainSplitter.split(List.of("r0", "x", "m"), listing);

        // then
        assertThat(ids(ranges.get(1))).containsExactly("x");
        assertThat(ids(ranges.get(2))).containsExactly("m", "f2", "f1");
    }

    @Test
    void shouldNotCountAMergeOfAnAlreadyBuiltCommitTwice() {
        // given a build at f1 (a side commit), then a merge m of x and f1: f1 belongs to the first range only
        List<Commit> listing = List.of(commit("m", "x", "f1"), commit("x", "f1"), commit("f1", "r0"));

        // when
        Map<Integer, List<Commit>> ranges = ChainSplitter.split(List.of("r0", "f1", "m"), listing);

        // then
        assertThat(ids(ranges.get(1))).containsExactly("f1");
        assertThat(ids(ranges.get(2))).containsExactly("m", "x");
    }

    @Test
    void shouldStopAtARevisionTheListingDoesNotHold() {
        // given a force-push: the last build's revision z is not in the listing of r0..a
        List<Commit> listing = List.of(commit("a", "r0"));

        // when
        Map<Integer, List<Commit>> ranges = ChainSplitter.split(List.of("r0", "a", "z", "a2"), listing);

        // then the first range is split, the ranges from z on are left to their own requests
        assertThat(ranges).containsOnlyKeys(1);
        assertThat(ids(ranges.get(1))).containsExactly("a");
    }

    @Test
    void shouldStopWhereTheFirstParentLineMissesThePreviousRevision() {
        // given b reaches a only through its second parent (the branches diverged after r0)
        List<Commit> listing = List.of(commit("b", "y", "a"), commit("y", "r0"), commit("a", "r0"));

        // when
        Map<Integer, List<Commit>> ranges = ChainSplitter.split(List.of("r0", "a", "b"), listing);

        // then
        assertThat(ranges).containsOnlyKeys(1);
        assertThat(ids(ranges.get(1))).containsExactly("a");
    }

    @Test
    void shouldSplitNothingWhenTheFirstRevisionIsNotAFirstParentAncestor() {
        // given a's first parent is q, and r0 is reached only through a's second parent
        List<Commit> listing = List.of(commit("b", "a"), commit("a", "q", "r0"), commit("q", "p"));

        // when
        Map<Integer, List<Commit>> ranges = ChainSplitter.split(List.of("r0", "a", "b"), listing);

        // then
        assertThat(ranges).isEmpty();
    }
}
