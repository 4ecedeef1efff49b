package dev.rebuildcauses.harvest.changes;

import dev.rebuildcauses.analysis.model.ChangeRange;
import java.util.Optional;

/**
 * Resolved change ranges by repository and revisions. Commits are immutable, so a range between two
 * commits never changes: once fetched it is never fetched again. The store persists its own.
 */
public interface CommitCache {
    /**
     * @param repositoryKey {@link dev.rebuildcauses.harvest.changes.RepositoryUrls#normalize} of the clone URL
     */
    Optional<ChangeRange> find(String repositoryKey, String fromRevision, String toRevision);

    /** Keeps a {@code RESOLVED} range (callers never put unknown ones: the server may learn the commit). */
    void put(String repositoryKey, ChangeRange range);
}
