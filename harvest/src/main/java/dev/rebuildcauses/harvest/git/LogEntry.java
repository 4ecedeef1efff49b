package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import java.time.Instant;
import java.util.List;

/**
 * One commit as {@code git log} printed it, with its first-parent diff when the log asked for one.
 *
 * @param files the changed files, empty when the log had no diff or the commit changed nothing
 */
record LogEntry(
        String id,
        List<String> parents,
        String author,
        Instant authorTime,
        Instant commitTime,
        String message,
        List<FileChange> files) {

    /** The commit record, {@code filesChanged} counted from the diff when {@code withDiff}, else unknown. */
    Commit toCommit(boolean withDiff) {
        return new Commit(id, parents, author, authorTime, message, withDiff ? files.size() : -1);
    }

    String firstParent() {
        return parents.isEmpty() ? null : parents.get(0);
    }
}
