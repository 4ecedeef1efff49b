package dev.rebuildcauses.harvest.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.harvest.changes.ChangeSource;
import dev.rebuildcauses.harvest.changes.HarvestException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelRangesTest {
    @Test
    void shouldAskEachDistinctRangeOnceAndOverlapThem() throws HarvestException {
        // Given a source whose calls wait until four are in flight together
        CountDownLatch inFlight = new CountDownLatch(4);
        List<String> asked = Collections.synchronizedList(new ArrayList<>());
        ChangeSource source = (repository, from, to) -> {
            asked.add(from + ".." + to);
            inFlight.countDown();
            try {
                if (!inFlight.await(5, TimeUnit.SECONDS)) {
                    throw new HarvestException(HarvestException.FailureKind.LOCAL, "calls did not overlap");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ChangeRange.resolved(from, to, List.of(), List.of());
        };
        List<RangeRequest> requests = List.of(
                new RangeRequest("r", "a", "b"),
                new RangeRequest("r", "b", "c"),
                new RangeRequest("r", "a", "b"),
                new RangeRequest("r", "c", "d"),
                new RangeRequest("r", "d", "e"));

        // When four threads resolve them
        Map<RangeRequest, ChangeRange> ranges;
        try (ParallelRanges parallel = new ParallelRanges(source, 4)) {
            ranges = parallel.resolveAll(requests);
        }

        // Then the duplicate was asked once and every request has its range
        assertThat(asked).containsExactlyInAnyOrder("a..b", "b..c", "c..d", "d..e");
        assertThat(ranges).hasSize(4);
        assertThat(ranges.get(new RangeRequest("r", "c", "d")).toRevision()).isEqualTo("d");
    }

    @Test
    void shouldThrowTheSourcesFailure() {
        AtomicInteger calls = new AtomicInteger();
        ChangeSource source = (repository, from, to) -> {
            calls.incrementAndGet();
            if (from.equals("b")) {
                throw new HarvestException(HarvestException.FailureKind.AUTH, "https://bb/x: HTTP 401");
            }
            return ChangeRange.resolved(from, to, List.of(), List.of());
        };
        try (ParallelRanges parallel = new ParallelRanges(source, 3)) {
            assertThatThrownBy(() -> parallel.resolveAll(
                            List.of(new RangeRequest("r", "a", "b"), new RangeRequest("r", "b", "c"))))
                    .isInstanceOf(HarvestException.class)
                    .hasMessage("https://bb/x: HTTP 401");
        }
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void shouldResolveInOrderWithoutThreadsWhenConcurrencyIsOne() throws HarvestException {
        List<String> threads = new ArrayList<>();
        ChangeSource source = (repository, from, to) -> {
            threads.add(Thread.currentThread().getName());
            return ChangeRange.resolved(from, to, List.of(), List.of());
        };
        try (ParallelRanges parallel = new ParallelRanges(source, 1)) {
            parallel.resolveAll(List.of(new RangeRequest("r", "a", "b"), new RangeRequest("r", "b", "c")));
        }
        assertThat(threads).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void shouldCutInterleavedBranchesIntoChainsOfConsecutiveRanges() {
        // Given two branches' ranges interleaved in build order, and another repository
        List<RangeRequest> requests = List.of(
                new RangeRequest("r", "a", "b"),
                new RangeRequest("r", "x", "y"),
                new RangeRequest("r", "b", "c"),
                new RangeRequest("q", "c", "d"),
                new RangeRequest("r", "y", "z"),
                new RangeRequest("r", "c", "d"));

        // When
        List<List<RangeRequest>> chains = ParallelRanges.chains(requests);

        // Then each chain starts where the one before ended, within one repository
        assertThat(chains)
                .containsExactly(
                        List.of(requests.get(0), requests.get(2), requests.get(5)),
                        List.of(requests.get(1), requests.get(4)),
                        List.of(requests.get(3)));
    }

    @Test
    void shouldCutAChainAtItsLongestAndAnnounceEachBeforeItsRanges() throws HarvestException {
        // Given one branch of MAX_CHAIN + 2 consecutive ranges and a source that records the order
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        ChangeSource source = new ChangeSource() {
            @Override
            public ChangeRange resolve(String repository, String from, String to) {
                events.add(from + ".." + to);
                return ChangeRange.resolved(from, to, List.of(), List.of());
            }

            @Override
            public void expectChain(String repository, List<String> revisions) {
                events.add("chain " + revisions.get(0) + " x" + (revisions.size() - 1));
            }
        };
        List<RangeRequest> requests = new ArrayList<>();
        for (int i = 0; i < ParallelRanges.MAX_CHAIN + 2; i++) {
            requests.add(new RangeRequest("r", "v" + i, "v" + (i + 1)));
        }

        // When resolved one at a time
        try (ParallelRanges parallel = new ParallelRanges(source, 1)) {
            parallel.resolveAll(requests);
        }

        // Then the first chain is announced before its ranges, the second (two ranges) before its own
        int cut = ParallelRanges.MAX_CHAIN;
        assertThat(events.get(0)).isEqualTo("chain v0 x" + cut);
        assertThat(events.get(1)).isEqualTo("v0..v1");
        assertThat(events.get(cut + 1)).isEqualTo("chain v" + cut + " x2");
        assertThat(events).hasSize(requests.size() + 2);
    }
}
