package dev.rebuildcauses.analysis.infer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
}
