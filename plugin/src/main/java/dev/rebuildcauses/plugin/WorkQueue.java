package dev.rebuildcauses.plugin;

import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.harvest.changes.HarvestException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records finished builds off the build threads: each build is kept in the store's pending table, then
 * queued (bounded) for one worker thread. A full queue costs a log line, never a build: the table keeps
 * it and the next {@link #sweep} queues it again, as it does after a restart or a change-source outage.
 */
public final class WorkQueue implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WorkQueue.class.getName());

    private final PendingBuilds waiting;
    private final BuildRecorder recorder;
    private final Runnable recorded;
    private final BlockingQueue<FinishedBuild> queue;
    private final Thread worker;
    private volatile boolean running = true;

    public WorkQueue(PendingBuilds waiting, BuildRecorder recorder, int capacity) {
        this(waiting, recorder, capacity, () -> {});
    }

    /** @param recorded told after each build stored (on the worker thread), e.g. to refresh the pages */
    public WorkQueue(PendingBuilds waiting, BuildRecorder recorder, int capacity, Runnable recorded) {
        this.waiting = waiting;
        this.recorder = recorder;
        this.recorded = recorded;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = new Thread(this::work, "rebuild-causes-recorder");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Keeps {@code build} pending and queues it; never throws, so no build fails because of the plugin. */
    public void submit(FinishedBuild build) {
        try {
            waiting.add(build);
        } catch (HarvestException | RuntimeException e) {
            LOG.log(Level.WARNING, "Rebuild causes: cannot keep " + build.label() + " pending in the store", e);
        }
        offer(build);
    }

    /** Keeps {@code builds} (a back-fill) pending and queues as many as fit; returns how many were kept. */
    public int submitAll(List<FinishedBuild> builds) {
        try {
            waiting.addAll(builds);
        } catch (HarvestException e) {
            LOG.log(Level.WARNING, "Rebuild causes: cannot keep " + builds.size() + " builds pending", e);
            return 0;
        }
        sweep();
        return builds.size();
    }

    /** Queues every pending build (after a start, and periodically); returns how many it queued. */
    public int sweep() {
        List<FinishedBuild> pending;
        try {
            pending = waiting.all();
        } catch (HarvestException e) {
            LOG.warning("Rebuild causes: cannot read the pending builds (tried again at the next sweep): "
                    + e.getMessage());
            return 0;
        }
        int queued = 0;
        for (FinishedBuild build : pending) {
            if (queue.contains(build)) {
                continue;
            }
            if (!offerQuietly(build)) {
                break;
            }
            queued++;
        }
        return queued;
    }

    /** Builds waiting in the store (queued or not); 0 when the store cannot tell. */
    public int pending() {
        try {
            return waiting.count();
        } catch (HarvestException e) {
            return 0;
        }
    }

    private boolean offerQuietly(FinishedBuild build) {
        return queue.offer(build); // a sweep stops at a full queue and goes on at the next one
    }

    private boolean offer(FinishedBuild build) {
        if (queue.offer(build)) {
            return true;
        }
        LOG.warning("Rebuild causes: the work queue is full (" + queue.size() + " builds waiting); " + build.label()
                + " stays pending in the store and is recorded on the next sweep");
        return false;
    }

    private void work() {
        while (running) {
            try {
                FinishedBuild next = queue.poll(1, TimeUnit.SECONDS);
                if (next != null) {
                    recordInOrder(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) { // a bug must not stop the worker
                LOG.log(Level.WARNING, "Rebuild causes: unexpected failure while recording builds", e);
            }
        }
    }

    /** Records the job's older pending builds first: a range needs the previous build's revision. */
    private void recordInOrder(FinishedBuild build) {
        List<FinishedBuild> due;
        try {
            due = waiting.upTo(build.job(), build.number());
        } catch (HarvestException e) {
            LOG.warning("Rebuild causes: " + build.label() + " waits for the store: " + e.getMessage());
            return;
        }
        for (FinishedBuild each : due.isEmpty() ? List.of(build) : due) {
            if (!recordOne(each)) {
                return;
            }
        }
    }

    private boolean recordOne(FinishedBuild build) {
        try {
            recorder.record(build);
        } catch (HarvestException e) {
            if (isTransient(e)) {
                LOG.info("Rebuild causes: " + build.label() + " waits for its change source: " + e.getMessage());
                return false;
            }
            LOG.warning("Rebuild causes: " + build.label() + " recorded without its range: " + e.getMessage());
            if (!recordUnknown(build, e.getMessage())) {
                return false;
            }
        }
        try {
            waiting.remove(build);
        } catch (HarvestException e) {
            LOG.log(Level.WARNING, "Rebuild causes: cannot clear " + build.label() + " from the pending builds", e);
        }
        notifyRecorded();
        return true;
    }

    private void notifyRecorded() {
        try {
            recorded.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Rebuild causes: the listener of recorded builds failed", e);
        }
    }

    private boolean recordUnknown(FinishedBuild build, String problem) {
        try {
            recorder.recordWithRange(build, ChangeRange.unknown(null, null, problem));
            return true;
        } catch (HarvestException e) {
            LOG.warning("Rebuild causes: cannot store " + build.label() + ": " + e.getMessage());
            return false;
        }
    }

    private static boolean isTransient(HarvestException e) {
        return switch (e.kind()) {
            case UNREACHABLE, SERVER_ERROR, LOCAL -> true;
            default -> false;
        };
    }

    @Override
    public void close() throws InterruptedException {
        // no interrupt while the worker writes: H2 closes its file on an interrupted write
        running = false;
        worker.join(TimeUnit.SECONDS.toMillis(15));
        if (worker.isAlive()) {
            worker.interrupt();
            worker.join(TimeUnit.SECONDS.toMillis(5));
        }
    }
}
