package dev.rebuildcauses.harvest.run;

import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.harvest.changes.ChangeSource;
import dev.rebuildcauses.harvest.changes.HarvestException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Resolves a batch of change ranges, one after the other or up to N at once: with a remote source
 * each range costs a round trip or two, so overlapping them is what makes a first harvest fast.
 * Consecutive ranges of one branch (each starting where the one before ended) are announced to the
 * source as a chain first ({@link ChangeSource#expectChain}), so it may list their commits at once.
 */
final class ParallelRanges implements AutoCloseable {
    /** Most ranges announced as one chain: one listing page of commits, and not too long a wait for it. */
    static final int MAX_CHAIN = 100;

    private final ChangeSource changes;
    private final ExecutorService executor;
    private final Map<RangeRequest, Future<ChangeRange>> inFlight = new java.util.HashMap<>();

    ParallelRanges(ChangeSource changes, int concurrency) {
        this.changes = changes;
        this.executor = concurrency <= 1
                ? null
                : Executors.newFixedThreadPool(concurrency, runnable -> {
                    Thread thread = new Thread(runnable, "range-resolver");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Starts asking for ranges before they are needed (nothing without threads); each is asked once. */
    void prefetch(List<RangeRequest> requests) {
        if (executor == null) {
            return;
        }
        List<RangeRequest> fresh = new ArrayList<>(new LinkedHashSet<>(requests));
        fresh.removeIf(inFlight::containsKey);
        // every chain's listing first, then the ranges: the pool takes tasks in order, so a range
        // seldom waits for its listing, and never for one that no thread has taken
        List<List<RangeRequest>> chains = chains(fresh);
        List<Future<?>> announcements = new ArrayList<>(chains.size());
        for (List<RangeRequest> chain : chains) {
            announcements.add(chain.size() < 2 ? null : executor.submit(() -> announce(chain)));
        }
        for (int c = 0; c < chains.size(); c++) {
            Future<?> announced = announcements.get(c);
            for (RangeRequest request : chains.get(c)) {
                inFlight.put(request, executor.submit(() -> {
                    awaitAnnounced(announced);
                    return resolve(request);
                }));
            }
        }
    }

    /** The requests cut into chains: a request joins the chain that ended at its from-revision. */
    static List<List<RangeRequest>> chains(List<RangeRequest> requests) {
        List<List<RangeRequest>> chains = new ArrayList<>();
        Map<List<String>, List<RangeRequest>> openByEnd = new java.util.HashMap<>();
        for (RangeRequest request : requests) {
            List<RangeRequest> chain = openByEnd.remove(List.of(request.repository(), request.fromRevision()));
            if (chain == null || chain.size() >= MAX_CHAIN) {
                chain = new ArrayList<>();
                chains.add(chain);
            }
            chain.add(request);
            openByEnd.put(List.of(request.repository(), request.toRevision()), chain);
        }
        return chains;
    }

    /** Waits for a chain's announcement, submitted before its ranges, so a thread has it already: no deadlock. */
    private static void awaitAnnounced(Future<?> announced) throws HarvestException, InterruptedException {
        if (announced == null) {
            return;
        }
        try {
            announced.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HarvestException harvest) {
                throw harvest;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("announcing a chain failed: " + e.getCause(), e.getCause());
        }
    }

    private Void announce(List<RangeRequest> chain) throws HarvestException {
        List<String> revisions = new ArrayList<>(chain.size() + 1);
        revisions.add(chain.get(0).fromRevision());
        chain.forEach(request -> revisions.add(request.toRevision()));
        changes.expectChain(chain.get(0).repository(), revisions);
        return null;
    }

    /** Cancels and drops what was asked ahead and not yet taken (end of a job, or a failure). */
    void forget() {
        inFlight.values().forEach(future -> future.cancel(true));
        inFlight.clear();
    }

    /** The range of every request (each distinct request asked once); the first failure, in order, is thrown. */
    Map<RangeRequest, ChangeRange> resolveAll(List<RangeRequest> requests) throws HarvestException {
        Map<RangeRequest, ChangeRange> ranges = new LinkedHashMap<>();
        List<RangeRequest> distinct = new ArrayList<>(new LinkedHashSet<>(requests));
        if (executor == null) {
            for (List<RangeRequest> chain : chains(distinct)) {
                if (chain.size() > 1) {
                    announce(chain);
                }
                for (RangeRequest request : chain) {
                    ranges.put(request, resolve(request));
                }
            }
            return ranges;
        }
        prefetch(distinct);
        List<Future<ChangeRange>> futures = new ArrayList<>(distinct.size());
        for (RangeRequest request : distinct) {
            futures.add(inFlight.remove(request));
        }
        try {
            for (int i = 0; i < distinct.size(); i++) {
                ranges.put(distinct.get(i), futures.get(i).get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(future -> future.cancel(true));
            throw new HarvestException(HarvestException.FailureKind.LOCAL, "interrupted while resolving ranges", e);
        } catch (ExecutionException e) {
            futures.forEach(future -> future.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof HarvestException harvest) {
                throw harvest;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("range resolution failed: " + cause, cause);
        }
        return ranges;
    }

    private ChangeRange resolve(RangeRequest request) throws HarvestException {
        return changes.resolve(request.repository(), request.fromRevision(), request.toRevision());
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
