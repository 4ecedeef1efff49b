package dev.rebuildcauses.harvest.bitbucket;

import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.harvest.changes.CommitCache;
import java.util.Objects;
import java.util.Optional;

/** What a change source knows about a range without asking its server: an unmoved revision, or a cached range. */
final class KnownRanges {
    private KnownRanges() {}

    /**
     * The range {@code from..to} of the repository {@code key} when no request is needed: no new
     * commit when the revision did not move, else what {@code cache} holds.
     */
    static Optional<ChangeRange> lookup(CommitCache cache, String key, String from, String to) {
        Objects.requireNonNull(from, "fromRevision");
        Objects.requireNonNull(to, "toRevision");
        if (from.equals(to)) {
            return Optional.of(ChangeRange.noNewCommit(to));
        }
        return cache.find(key, from, to);
    }
}
