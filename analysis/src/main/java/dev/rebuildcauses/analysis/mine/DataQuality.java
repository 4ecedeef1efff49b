package dev.rebuildcauses.analysis.mine;

/**
 * What the data could not tell: builds whose range is unknown (a revision the repository does not
 * have), builds that recorded no revision, builds whose repository has no change source, and builds
 * without a duration.
 */
public record DataQuality(
        long unknownRangeBuilds, long noRevisionBuilds, long noChangeSourceBuilds, long buildsWithoutDuration) {
    /** Only unknown ranges and missing durations, as before the other two were told apart. */
    public DataQuality(long unknownRangeBuilds, long buildsWithoutDuration) {
        this(unknownRangeBuilds, 0, 0, buildsWithoutDuration);
    }
}
