package dev.rebuildcauses.service;

import dev.rebuildcauses.harvest.config.CronSchedule;
import dev.rebuildcauses.harvest.config.ExportConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs every export at the times of its cron expression, and the harvest at {@code harvest.schedule}
 * if a host gives one, on one scheduler thread. Each run's outcome is kept as an {@link ExportStatus};
 * a failing run is logged with its cause and tried again at its next time, and neither stops the others
 * nor the scheduler.
 */
public final class ExportScheduler implements AutoCloseable {
    /** The name under which the harvest's status is kept. */
    public static final String HARVEST = "harvest";

    private static final Logger LOG = Logger.getLogger(ExportScheduler.class.getName());

    private final ExportRunner runner;
    private final Clock clock;
    private final List<Task> tasks;
    private final Consumer<ExportStatus> listener;
    private final Map<String, ExportStatus> statuses = new LinkedHashMap<>();
    private final ScheduledExecutorService executor;
    private volatile boolean closed;

    private ExportScheduler(Builder builder) {
        this.runner = builder.runner;
        this.clock = builder.clock;
        this.tasks = List.copyOf(builder.tasks);
        this.listener = builder.listener;
        this.executor = Executors.newSingleThreadScheduledExecutor(work -> {
            Thread thread = new Thread(work, "rebuild-causes-scheduler");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A scheduler that runs exports with {@code runner} at the times {@code clock} tells; cron expressions are
     * read in the clock's zone, so {@code Clock.systemUTC()} gives the UTC times the README promises.
     */
    public static Builder builder(ExportRunner runner, Clock clock) {
        return new Builder(runner, clock);
    }

    /** The status of every export, in config order (the harvest's is {@link #harvestStatus()}). */
    public List<ExportStatus> statuses() {
        synchronized (statuses) {
            return statuses.values().stream()
                    .filter(status -> !status.name().equals(HARVEST))
                    .toList();
        }
    }

    /** The status of the export named {@code name}. */
    public Optional<ExportStatus> status(String name) {
        synchronized (statuses) {
            return Optional.ofNullable(statuses.get(name));
        }
    }

    /** The scheduled harvest's status, when a harvest was scheduled. */
    public Optional<ExportStatus> harvestStatus() {
        return status(HARVEST);
    }

    /** Stops scheduling; a run in progress is interrupted (its files appear whole or not at all). */
    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warning("the export scheduler did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (statuses) {
            statuses.replaceAll((name, status) -> status.nextAt(null));
        }
    }

    private ExportScheduler start() {
        Instant now = clock.instant();
        for (Task task : tasks) {
            record(ExportStatus.pending(task.name(), task.schedule().expression(), null));
            scheduleAfter(task, now);
        }
        return this;
    }

    private void scheduleAfter(Task task, Instant after) {
        scheduleAfter(task, after, UnaryOperator.identity());
    }

    /** Records {@code outcome} and the next run in one update, so a page never sees one without the other. */
    private ExportStatus scheduleAfter(Task task, Instant after, UnaryOperator<ExportStatus> outcome) {
        Optional<Instant> next = closed
                ? Optional.empty()
                : task.schedule()
                        .nextAfter(ZonedDateTime.ofInstant(after, clock.getZone()))
                        .map(ZonedDateTime::toInstant);
        ExportStatus status = update(task.name(), s -> outcome.apply(s).nextAt(next.orElse(null)));
        if (closed) {
            return status;
        }
        if (next.isEmpty()) {
            LOG.warning(() -> task.name() + ": the schedule '" + task.schedule() + "' has no next time; not run again");
            return status;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), next.get()).toMillis());
        executor.schedule(() -> fire(task, next.get()), delay, TimeUnit.MILLISECONDS);
        return status;
    }

    private void fire(Task task, Instant due) {
        UnaryOperator<ExportStatus> outcome;
        Error fatal = null;
        try {
            task.work().run();
            Instant at = clock.instant();
            outcome = status -> status.succeeded(at);
        } catch (ExportException e) {
            outcome = failed(task, e.getMessage(), e);
        } catch (RuntimeException e) {
            // the host's harvest fails with a message meant for people; an export's surprise says its type too
            boolean told = task.name().equals(HARVEST) && e.getMessage() != null;
            outcome = failed(task, task.name() + ": " + (told ? e.getMessage() : e.toString()), e);
        } catch (Error e) {
            outcome = failed(task, task.name() + ": " + e, e);
            fatal = e;
        }
        // a run that took longer than its period skips the times it missed instead of running back to back
        Instant now = clock.instant();
        notify(scheduleAfter(task, now.isAfter(due) ? now : due, outcome));
        if (fatal != null) {
            throw fatal;
        }
    }

    private UnaryOperator<ExportStatus> failed(Task task, String cause, Throwable e) {
        Instant at = clock.instant();
        // one line per failure: a folder gone for a day must not fill the log with stack traces
        LOG.warning(() -> cause + " (tried again at the next scheduled time)");
        LOG.log(Level.FINE, "the failure of " + task.name(), e);
        return status -> status.failed(at, cause);
    }

    private void notify(ExportStatus status) {
        try {
            listener.accept(status);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the export status listener failed on " + status.name(), e);
        }
    }

    private void record(ExportStatus status) {
        synchronized (statuses) {
            statuses.put(status.name(), status);
        }
    }

    private ExportStatus update(String name, UnaryOperator<ExportStatus> change) {
        synchronized (statuses) {
            return statuses.compute(name, (key, status) -> change.apply(Objects.requireNonNull(status, key)));
        }
    }

    /** A run with a name and a schedule: one export, or the harvest. */
    private record Task(String name, CronSchedule schedule, Work work) {}

    /** One run of a task; throws what the run's status should say. */
    @FunctionalInterface
    private interface Work {
        void run() throws ExportException;
    }

    /** Collects the exports and the optional harvest before the scheduler starts. */
    public static final class Builder {
        private final ExportRunner runner;
        private final Clock clock;
        private final List<Task> tasks = new ArrayList<>();
        private Consumer<ExportStatus> listener = status -> {};

        private Builder(ExportRunner runner, Clock clock) {
            this.runner = Objects.requireNonNull(runner, "runner");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** Schedules each of {@code exports} at its own times. */
        public Builder exports(List<ExportConfig> exports) {
            for (ExportConfig export : exports) {
                tasks.add(new Task(export.name(), export.schedule(), () -> runner.run(export)));
            }
            return this;
        }

        /** Also runs {@code harvest} at {@code schedule}; what it throws is its failure. */
        public Builder harvest(CronSchedule schedule, Runnable harvest) {
            Objects.requireNonNull(harvest, "harvest");
            tasks.add(0, new Task(HARVEST, schedule, harvest::run));
            return this;
        }

        /** Tells {@code listener} each status after each run (on the scheduler thread; keep it short). */
        public Builder listener(Consumer<ExportStatus> listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Starts the scheduler thread; close the scheduler to stop it. */
        public ExportScheduler start() {
            return new ExportScheduler(this).start();
        }
    }
}
