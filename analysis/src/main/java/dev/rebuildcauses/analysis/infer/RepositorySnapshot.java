package dev.rebuildcauses.analysis.infer;

import java.util.List;
import java.util.Optional;

/** Read access to a repository's tree at a revision; harvest supplies the git-backed one. */
public interface RepositorySnapshot {
    /** Every file path at {@code revision}, repository-relative with {@code /} separators. */
    List<String> paths(String revision) throws SnapshotException;

    /** The text of {@code path} at {@code revision}, empty when the file does not exist there. */
    Optional<String> read(String revision, String path) throws SnapshotException;
}
