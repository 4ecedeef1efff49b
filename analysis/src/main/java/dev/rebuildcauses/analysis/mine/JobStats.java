package dev.rebuildcauses.analysis.mine;

/**
 * Findings of one job. {@code topCause} is the cause with most hours (most builds when there are
 * no durations); {@code meanDaysBetweenEnvironmentChanges} is {@code null} with fewer than two.
 */
public record JobStats(
        String job,
        long builds,
        Double hours,
        String topCause,
        long environmentChanges,
        Double meanDaysBetweenEnvironmentChanges) {}
