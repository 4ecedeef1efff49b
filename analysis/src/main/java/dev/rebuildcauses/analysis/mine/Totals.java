package dev.rebuildcauses.analysis.mine;

/** All builds and all hours; {@code hours} is {@code null} when no build has a known duration. */
public record Totals(long builds, long buildsWithDuration, Double hours) {}
