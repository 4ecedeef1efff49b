package dev.rebuildcauses.analysis.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A commit of a change range; commits are immutable, so these can be cached and shared.
 *
 * @param id full commit id
 * @param parents parent ids, first parent first
 * @param author author name or e-mail, {@code ""} when unknown
 * @param time author time, may be {@code null} when the source does not say
 * @param message commit message, {@code ""} when unknown
 * @param filesChanged files this commit changed against its first parent, {@code -1} when unknown
 */
public record Commit(String id, List<String> parents, String author, Instant time, String message, int filesChanged) {
    public Commit {
        Objects.requireNonNull(id, "id");
        parents = List.copyOf(parents);
        author = author == null ? "" : author;
        message = message == null ? "" : message;
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }

    /** True when the source says this commit changed no file. */
    public boolean isEmpty() {
        return filesChanged == 0;
    }
}
