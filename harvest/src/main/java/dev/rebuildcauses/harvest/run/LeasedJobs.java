package dev.rebuildcauses.harvest.run;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.store.JobLeases;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Hands this harvester the jobs it leased, one at a time, until every job it found was finished
 * by someone since it started; keeps the current lease renewed on a thread of its own. When the
 * free jobs run out while others still hold some, it waits: a holder that died stops renewing and
 * its job comes free once the lease expires.
 */
public final class LeasedJobs implements AutoCloseable {
    private final JobLeases leases;
    private final Duration poll;
    private final ScheduledExecutorService renewer;
    private List<String> wanted = List.of();
    private long since;
    private String current;
    private ScheduledFuture<?> renewal;

    public LeasedJobs(JobLeases leases) {
        this.leases = leases;
        this.poll = leases.renewEvery();
        this.renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "job-lease-renewal");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a harvest of these jobs: registers them and notes the database time it began. */
    void start(List<String> jobs) throws HarvestException {
        this.since = leases.now();
        this.wanted = List.copyOf(jobs);
        leases.register(wanted);
    }

    /** The next job leased to this harvester, waiting for others' leases if need be; empty when all are done. */
    Optional<String> next() throws HarvestException {
        while (true) {
            Optional<String> job = leases.acquire(wanted, since);
            if (job.isPresent()) {
                hold(job.get());
                return job;
            }
            if (leases.heldElsewhere(wanted, since) == 0) {
                return Optional.empty();
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HarvestException(
                        HarvestException.FailureKind.LOCAL, "interrupted while waiting for job leases", e);
            }
        }
    }

    /** The current job is harvested: stop renewing and mark it finished. */
    void finished(String job) throws HarvestException {
        release();
        leases.finish(job);
    }

    private void hold(String job) {
        release();
        current = job;
        long every = poll.toMillis();
        renewal = renewer.scheduleAtFixedRate(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    private void renew() {
        String job = current;
        if (job == null) {
            return;
        }
        try {
            leases.renew(job);
        } catch (HarvestException e) {
            // the next renewal tries again; the lease only lapses if the database stays away
        }
    }

    private void release() {
        if (renewal != null) {
            renewal.cancel(false);
            renewal = null;
        }
        current = null;
    }

    @Override
    public void close() throws HarvestException {
        release();
        renewer.shutdownNow();
        leases.close();
    }
}
