package dev.rebuildcauses.analysis.infer;

import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Revisions of a repository held in memory: each revision a map of path to text. */
final class InMemorySnapshot implements RepositorySnapshot {
    private final Map<String, Map<String, String>> revisions = new HashMap<>();
    private int listings;
    private boolean diffs;

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

    /** From now on, answers {@link #changesBetween} as a snapshot that walked the history does. */
    InMemorySnapshot withDiffs() {
        diffs = true;
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

    @Override
    public Optional<List<FileChange>> changesBetween(String from, String to) throws SnapshotException {
        if (!diffs) {
            return Optional.empty();
        }
        Map<String, String> before = tree(from);
        Map<String, String> after = tree(to);
        List<FileChange> changes = new ArrayList<>();
        before.keySet().stream()
                .filter(path -> !after.containsKey(path))
                .forEach(path -> changes.add(FileChange.of(ChangeKind.DELETE, path)));
        after.forEach((path, text) -> {
            if (!before.containsKey(path)) {
                changes.add(FileChange.of(ChangeKind.ADD, path));
            } else if (!before.get(path).equals(text)) {
                changes.add(FileChange.of(ChangeKind.MODIFY, path));
            }
        });
        return Optional.of(changes);
    }

    private Map<String, String> tree(String revision) throws SnapshotException {
        Map<String, String> tree = revisions.get(revision);
        if (tree == null) {
            throw new SnapshotException("unknown revision " + revision);
        }
        return tree;
    }
}
