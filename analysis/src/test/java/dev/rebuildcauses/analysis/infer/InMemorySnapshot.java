package dev.rebuildcauses.analysis.infer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Revisions of a repository held in memory: each revision a map of path to text. */
final class InMemorySnapshot implements RepositorySnapshot {
    private final Map<String, Map<String, String>> revisions = new HashMap<>();
    private int listings;

    /** Adds {@code revision} with the files of {@code base} (may be null) changed by {@code files} (path, text; null text deletes). */
    InMemorySnapshot revision(String revision, String base, String... files) {
        Map<String, String> tree = new TreeMap<>(base == null ? Map.of() : revisions.get(base));
        for (int i = 0; i < files.length; i += 2) {
            if (files[i + 1] == null) {
                tree.remove(files[i]);
            } else {
                tree.put(files[i], files[i + 1]);
            }
        }
        revisions.put(revision, tree);
        return this;
    }

    int listings() {
        return listings;
    }

    @Override
    public List<String> paths(String revision) throws SnapshotException {
        listings++;
        Map<String, String> tree = revisions.get(revision);
        if (tree == null) {
            throw new SnapshotException("unknown revision " + revision);
        }
        return List.copyOf(tree.keySet());
    }

    @Override
    public Optional<String> read(String revision, String path) throws SnapshotException {
        Map<String, String> tree = revisions.get(revision);
        if (tree == null) {
            throw new SnapshotException("unknown revision " + revision);
        }
        return Optional.ofNullable(tree.get(path));
    }
}
