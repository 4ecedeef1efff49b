package dev.rebuildcauses.analysis.mine;

import dev.rebuildcauses.analysis.model.CauseSet;

/** Builds and hours of one exact combination of causes (exclusive: combinations add up to the totals). */
public record CombinationStats(CauseSet causes, long builds, Double hours) {}
