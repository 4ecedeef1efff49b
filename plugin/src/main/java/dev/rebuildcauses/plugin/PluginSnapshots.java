package dev.rebuildcauses.plugin;

import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.report.pipeline.BuildExplainer;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import dev.rebuildcauses.report.pipeline.SourceException;
import dev.rebuildcauses.service.RefreshException;
import dev.rebuildcauses.service.SnapshotHolder;
import dev.rebuildcauses.service.StoreSnapshot;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The store's snapshot the pages read, as {@code serve} keeps it ({@link SnapshotHolder}): read and
 * analysed once, then swapped whole. Recording a build marks it stale; the next page request (or tick)
 * starts one refresh in the background and keeps answering from the current snapshot meanwhile, so no
 * request waits for an analysis except the very first.
 */
public final class PluginSnapshots implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PluginSnapshots.class.getName());

    private final SnapshotHolder holder;
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong analysed = new AtomicLong(-1);
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "rebuild-causes-snapshot");
        thread.setDaemon(true);
        return thread;
    });

    PluginSnapshots(PluginStore store, PathClassifier rules, Clock clock) {
        this.holder = new SnapshotHolder(
                () -> {
                    try {
                        return ReportPipeline.of(rules).analyse(store.builds(BuildFilter.all()));
                    } catch (HarvestException | IOException | SourceException e) {
                        throw new RefreshException("cannot read the store: " + e.getMessage(), e);
                    }
                },
                BuildExplainer.rulesOnly(rules),
                clock);
    }

    /** Marks the snapshot stale: the store holds a build it does not. */
    public void changed() {
        changes.incrementAndGet();
    }

    /** The snapshot to answer from: the current one (a refresh starts if it is stale), the first one read now. */
    public StoreSnapshot current() throws RefreshException {
        if (holder.current().isEmpty()) {
            synchronized (this) {
                if (holder.current().isEmpty()) {
                    long wanted = changes.get();
                    StoreSnapshot first = holder.refresh(null);
                    analysed.set(wanted);
                    return first;
                }
            }
        }
        refreshIfStale();
        return holder.current().orElseThrow();
    }

    /** Starts a background refresh when a build was recorded since the last one; returns at once. */
    public void refreshIfStale() {
        if (analysed.get() >= changes.get() || !refreshing.compareAndSet(false, true)) {
            return;
        }
        try {
            background.execute(() -> {
                try {
                    long wanted = changes.get();
                    holder.refresh(null);
                    analysed.set(wanted);
                } catch (RefreshException | RuntimeException e) {
                    LOG.warning(
                            "Rebuild causes: the pages keep their data; reading the store failed: " + e.getMessage());
                } finally {
                    refreshing.set(false);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            refreshing.set(false); // closing
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
    }
}
