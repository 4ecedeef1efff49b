package dev.rebuildcauses.analysis.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One changed file: its path after the change and, for renames and copies, its path before.
 *
 * @param kind what happened to the file
 * @param path the path after the change (for a delete, the path that was deleted)
 * @param oldPath the path before a rename or copy, else {@code null}
 */
public record FileChange(ChangeKind kind, String path, String oldPath) {
    public FileChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
    }

    /** A change that is not a rename or copy. */
    public static FileChange of(ChangeKind kind, String path) {
        return new FileChange(kind, path, null);
    }

    public Optional<String> previousPath() {
        return Optional.ofNullable(oldPath);
    }
}
