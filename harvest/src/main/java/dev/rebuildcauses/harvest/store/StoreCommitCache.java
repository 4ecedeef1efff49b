package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.harvest.changes.CommitCache;
import dev.rebuildcauses.harvest.changes.HarvestException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * The Bitbucket sources' range cache over the store: a range resolved in an earlier harvest (for
 * any job of the same repository) is read back instead of fetched. Ranges resolved in this run are
 * kept in memory until the harvester stores them with their builds. Thread-safe: the harvester asks
 * for ranges in parallel while its own thread leaves the store alone.
 */
public final class StoreCommitCache implements CommitCache {
    private final BuildStore store;
    private final Map<String, ChangeRange> recent = new java.util.concurrent.ConcurrentHashMap<>();

    public StoreCommitCache(BuildStore store) {
        this.store = store;
    }

    @Override
    public synchronized Optional<ChangeRange> find(String repositoryKey, String fromRevision, String toRevision) {
        ChangeRange range = recent.get(key(repositoryKey, fromRevision, toRevision));
        if (range != null) {
            return Optional.of(range);
        }
        try {
            return store.findRange(repositoryKey, fromRevision, toRevision);
        } catch (HarvestException e) {
            // the interface cannot throw checked failures; the store's message stays one clear line
            throw new UncheckedIOException(new java.io.IOException(e.getMessage(), e));
        }
    }

    @Override
    public synchronized void put(String repositoryKey, ChangeRange range) {
        recent.put(key(repositoryKey, range.fromRevision(), range.toRevision()), range);
    }

    private static String key(String repository, String from, String to) {
        return repository + "\n" + from + "\n" + to;
    }
}
