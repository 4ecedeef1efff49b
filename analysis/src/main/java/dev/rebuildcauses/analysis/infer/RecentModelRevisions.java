package dev.rebuildcauses.analysis.infer;

/**
 * For recently classified revisions, the revision of the model each used: a cache of a fixed number
 * of slots, each revision in the slot its hash picks, a newer one taking the slot of an older. A
 * revision missed costs a model read, never a different answer, so no order of use is kept: a
 * classification asks it twice per build, and an LRU map's bookkeeping cost more than the answer.
 */
final class RecentModelRevisions {
    private final String[] revisions;
    private final String[] modelRevisions;
    private final int mask;

    /** A cache of {@code 2^bits} slots. */
    RecentModelRevisions(int bits) {
        this.revisions = new String[1 << bits];
        this.modelRevisions = new String[1 << bits];
        this.mask = (1 << bits) - 1;
    }

    /** The model revision noted for {@code revision}, or {@code null} when none is (any more). */
    String get(String revision) {
        int slot = slot(revision);
        return revision.equals(revisions[slot]) ? modelRevisions[slot] : null;
    }

    void put(String revision, String modelRevision) {
        int slot = slot(revision);
        revisions[slot] = revision;
        modelRevisions[slot] = modelRevision;
    }

    private int slot(String revision) {
        int hash = revision.hashCode();
        return (hash ^ (hash >>> 16)) & mask;
    }
}
