package dev.rebuildcauses.harvest.bitbucket;

import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.harvest.changes.CommitCache;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link CommitCache} for one process: ranges in a concurrent map. */
public final class InMemoryCommitCache implements CommitCache {
    private final Map<String, ChangeRange> ranges = new ConcurrentHashMap<>();

    @Override
    public Optional<ChangeRange> find(String repositoryKey, String fromRevision, String toRevision) {
        return Optional.ofNullable(ranges.get(key(repositoryKey, fromRevision, toRevision)));
    }

    @Override
    public void put(String repositoryKey, ChangeRange range) {
        ranges.put(key(repositoryKey, range.fromRevision(), range.toRevision()), range);
    }

    public int size() {
        return ranges.size();
    }

    private static String key(String repository, String from, String to) {
        return repository + " " + from + ".." + to;
    }
}
