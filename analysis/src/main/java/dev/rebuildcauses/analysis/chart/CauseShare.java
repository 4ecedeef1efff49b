package dev.rebuildcauses.analysis.chart;

/**
 * One cause's share of builds and of build hours, as in {@code causes.csv} (inclusive).
 *
 * @param hours {@code null} when no build with this cause has a known duration
 * @param hoursShare {@code null} likewise
 */
public record CauseShare(String cause, long builds, double buildsShare, Double hours, Double hoursShare) {}
