package dev.rebuildcauses.analysis.infer;

import dev.rebuildcauses.analysis.model.FileChange;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Read access to a repository's tree at a revision; harvest supplies the git-backed one. */
public interface RepositorySnapshot {
    /** Every file path at {@code revision}, repository-relative with {@code /} separators. */
    List<String> paths(String revision) throws SnapshotException;

    /** The text of {@code path} at {@code revision}, empty when the file does not exist there. */
    Optional<String> read(String revision, String path) throws SnapshotException;

    /** The texts of several files at {@code revision}, in the given order; an implementation may fetch them in one go. */
    default Map<String, Optional<String>> readAll(String revision, Collection<String> paths) throws SnapshotException {
        Map<String, Optional<String>> texts = new LinkedHashMap<>();
        for (String path : paths) {
            texts.put(path, read(revision, path));
        }
        return texts;
    }

    /**
     * A hint that {@code revisions} will be listed and their files that {@code files} accepts
     * read: an implementation may fetch them in bulk now. Changes no answer; does nothing by default.
     */
    default void prefetch(Collection<String> revisions, Predicate<String> files) throws SnapshotException {}

    /**
     * The exact tree diff that turns the files of {@code from} into those of {@code to}, in an order
     * that can be applied change after change (a step's removals before its additions), when the
     * implementation knows it without reading trees (e.g. along a first-parent chain it walked);
     * empty otherwise, and the caller then lists {@code to} with {@link #paths}.
     */
    default Optional<List<FileChange>> changesBetween(String from, String to) throws SnapshotException {
        return Optional.empty();
    }
}
