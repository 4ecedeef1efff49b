package dev.rebuildcauses.analysis.chart;

/**
 * The spread of one cause's build durations, in minutes, over its builds with a known duration.
 * Median and p90 are those of {@code causes.csv}; the other percentiles are nearest-rank too.
 *
 * @param builds builds with a known duration
 */
public record DurationBox(
        String cause,
        long builds,
        double minMinutes,
        double p10Minutes,
        double q1Minutes,
        double medianMinutes,
        double q3Minutes,
        double p90Minutes,
        double maxMinutes,
        double meanMinutes) {}
