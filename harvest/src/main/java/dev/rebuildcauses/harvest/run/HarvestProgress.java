package dev.rebuildcauses.harvest.run;

/** Callbacks a harvest makes as it goes, for a progress bar; every method may be left out. */
public interface HarvestProgress {
    /** Reports nothing. */
    HarvestProgress NONE = new HarvestProgress() {};

    /** Discovery found this many jobs to harvest. */
    default void jobsDiscovered(int jobs) {}

    /** A job starts, with this many builds to look at. */
    default void jobStarted(String job, int builds) {}

    /** A build was handled; {@code rangeRequested} when its range was asked of the change source. */
    default void buildHarvested(String job, long number, boolean rangeRequested) {}

    /** A job is finished and its state committed. */
    default void jobFinished(String job) {}
}
