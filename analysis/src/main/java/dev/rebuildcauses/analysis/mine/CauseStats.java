package dev.rebuildcauses.analysis.mine;

/**
 * One row of the per-cause findings; inclusive: a build counts under each of its causes.
 * Hours and durations are {@code null} when no build with this cause has a known duration.
 */
public record CauseStats(
        String cause,
        long builds,
        double buildsShare,
        Double hours,
        Double hoursShare,
        Double meanMinutes,
        Double medianMinutes,
        Double p90Minutes,
        long soloBuilds,
        double soloShare) {}
