package dev.rebuildcauses.service;

import dev.rebuildcauses.report.pages.ReportIndex;
import dev.rebuildcauses.report.pipeline.BuildExplainer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds the current {@link StoreSnapshot}: requests only read it; a refresh (after each harvest) reads
 * the store, analyses it once and swaps the new snapshot in whole. A failed refresh keeps the old one.
 */
public final class SnapshotHolder {
    private final ReportSource source;
    private final BuildExplainer explainer;
    private final Clock clock;
    private final AtomicReference<StoreSnapshot> current = new AtomicReference<>();
    private final ReentrantLock refreshing = new ReentrantLock();

    /**
     * @param explainer says why each file of a build the report did not explain has its cause (rules alone)
     */
    public SnapshotHolder(ReportSource source, BuildExplainer explainer, Clock clock) {
        this.source = source;
        this.explainer = explainer;
        this.clock = clock;
    }

    /** The snapshot requests read; empty until the first refresh finished. */
    public Optional<StoreSnapshot> current() {
        return Optional.ofNullable(current.get());
    }

    /**
     * Reads and analyses the store, then swaps the result in; one refresh at a time (a second caller
     * waits, then refreshes again, so it sees data at least as new as when it asked).
     *
     * @param harvestedAt when the harvest that just finished ended, or {@code null} when none ran
     */
    public StoreSnapshot refresh(Instant harvestedAt) throws RefreshException {
        refreshing.lock();
        try {
            Instant started = clock.instant();
            long startNanos = System.nanoTime();
            ReportIndex index = source.index(explainer);
            Instant harvested = harvestedAt;
            if (harvested == null) {
                harvested = source.lastHarvest().orElse(null);
            }
            StoreSnapshot previous = current.get();
            if (harvested == null && previous != null) {
                harvested = previous.harvestedAt();
            }
            StoreSnapshot next =
                    new StoreSnapshot(index, harvested, started, Duration.ofNanos(System.nanoTime() - startNanos));
            current.set(next);
            return next;
        } finally {
            refreshing.unlock();
        }
    }
}
