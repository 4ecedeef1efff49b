package dev.rebuildcauses.harvest.bitbucket;

import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import java.util.List;

/** What a range diff tells about its commits: only for a single commit on top of the previous revision is it that commit's own change list. */
final class SingleCommitRanges {
    private SingleCommitRanges() {}

    static List<Commit> withFileCount(List<Commit> commits, String fromRevision, List<FileChange> files) {
        if (commits.size() != 1) {
            return commits;
        }
        Commit only = commits.get(0);
        if (only.parents().isEmpty() || !only.parents().get(0).equals(fromRevision)) {
            return commits;
        }
        return List.of(new Commit(only.id(), only.parents(), only.author(), only.time(), only.message(), files.size()));
    }
}
