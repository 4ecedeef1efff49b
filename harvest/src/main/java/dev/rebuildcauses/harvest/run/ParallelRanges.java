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
 */
final class ParallelRanges implements AutoCloseable {
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
        for (RangeRequest request : requests) {
            inFlight.computeIfAbsent(request, r -> executor.submit(() -> resolve(r)));
        }
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
        if (executor == null || distinct.size() < 2) {
            for (RangeRequest request : distinct) {
                ranges.put(request, resolve(request));
            }
            return ranges;
        }
        List<Future<ChangeRange>> futures = new ArrayList<>(distinct.size());
        for (RangeRequest request : distinct) {
            Future<ChangeRange> started = inFlight.remove(request);
            futures.add(started != null ? started : executor.submit(() -> resolve(request)));
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
