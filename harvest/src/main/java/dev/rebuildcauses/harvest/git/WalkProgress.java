package dev.rebuildcauses.harvest.git;

/** Hears how far a history walk or range resolution has come; called from the walking thread. */
@FunctionalInterface
public interface WalkProgress {
    WalkProgress NONE = (done, total) -> {};

    /** {@code done} of {@code total} items are finished. */
    void advanced(long done, long total);
}
