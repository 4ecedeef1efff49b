package dev.rebuildcauses.analysis.mine;

/** What the data could not tell: builds whose range is unknown, builds without a duration. */
public record DataQuality(long unknownRangeBuilds, long buildsWithoutDuration) {}
