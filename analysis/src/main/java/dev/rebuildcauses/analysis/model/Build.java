package dev.rebuildcauses.analysis.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A build as the CI server recorded it.
 *
 * @param job full job name, e.g. {@code images/base-python}
 * @param number build number within the job
 * @param startedAt start time
 * @param duration how long it ran, {@code null} when unknown (no durations given, still running)
 * @param result e.g. SUCCESS, FAILURE; {@code ""} when unknown
 * @param trigger what started it, e.g. {@code push}, {@code timer}, {@code user:alice}; {@code ""} when unknown
 * @param revision built revision, {@code null} when the build has none
 * @param branch built branch, {@code ""} when unknown
 */
public record Build(
        String job,
        long number,
        Instant startedAt,
        Duration duration,
        String result,
        String trigger,
        String revision,
        String branch) {
    public Build {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(startedAt, "startedAt");
        result = result == null ? "" : result;
        trigger = trigger == null ? "" : trigger;
        branch = branch == null ? "" : branch;
    }

    public Optional<Duration> knownDuration() {
        return Optional.ofNullable(duration);
    }

    public boolean hasDuration() {
        return duration != null;
    }
}
