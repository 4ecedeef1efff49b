package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import java.time.Instant;
import java.util.List;

/**
 * One first-parent commit of a branch, taken as one push.
 *
 * @param commit the first-parent commit itself
 * @param committedAt its committer time (when it reached the branch, as near as git knows)
 * @param commits what it brought, oldest first: for a merge every merged commit, then the merge
 * @param files its diff against its first parent (for a merge: everything the merge brought)
 */
public record HistoryStep(Commit commit, Instant committedAt, List<Commit> commits, List<FileChange> files) {
    public HistoryStep {
        commits = List.copyOf(commits);
        files = List.copyOf(files);
    }
}
