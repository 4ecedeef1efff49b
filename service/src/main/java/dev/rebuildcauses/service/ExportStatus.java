package dev.rebuildcauses.service;

import java.time.Instant;
import java.util.Optional;

/**
 * How a scheduled export (or the scheduled harvest) has fared, for the overview page.
 *
 * @param name the export's name, or {@link ExportScheduler#HARVEST} for the harvest
 * @param schedule the cron expression
 * @param lastSuccess when the last successful run finished, or {@code null} before one
 * @param lastFailure when the last failed run finished, or {@code null} if none failed
 * @param failureCause why the last failed run failed (one line, no secrets), or {@code null}
 * @param nextRun when it runs next, or {@code null} when the schedule has no next time or the scheduler stopped
 */
public record ExportStatus(
        String name, String schedule, Instant lastSuccess, Instant lastFailure, String failureCause, Instant nextRun) {
    /** Not run yet. */
    static ExportStatus pending(String name, String schedule, Instant nextRun) {
        return new ExportStatus(name, schedule, null, null, null, nextRun);
    }

    ExportStatus succeeded(Instant at) {
        return new ExportStatus(name, schedule, at, lastFailure, failureCause, nextRun);
    }

    ExportStatus failed(Instant at, String cause) {
        return new ExportStatus(name, schedule, lastSuccess, at, cause, nextRun);
    }

    ExportStatus nextAt(Instant next) {
        return new ExportStatus(name, schedule, lastSuccess, lastFailure, failureCause, next);
    }

    public Optional<Instant> lastSuccessTime() {
        return Optional.ofNullable(lastSuccess);
    }

    public Optional<Instant> lastFailureTime() {
        return Optional.ofNullable(lastFailure);
    }

    public Optional<Instant> nextRunTime() {
        return Optional.ofNullable(nextRun);
    }

    /** Whether the latest run failed (a failure after the last success). */
    public boolean isFailing() {
        return lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
    }
}
