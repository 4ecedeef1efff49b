package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.harvest.changes.HarvestException;
import java.nio.file.Path;

/** The branch (or revision) to walk does not exist in the repository. */
public final class UnknownBranchException extends HarvestException {
    public UnknownBranchException(String branch, Path directory) {
        super(FailureKind.LOCAL, "unknown branch '" + branch + "' in " + directory);
    }

    /** With a hint why, e.g. that the repository has no commit yet. */
    public UnknownBranchException(String branch, Path directory, String hint) {
        super(FailureKind.LOCAL, "unknown branch '" + branch + "' in " + directory + " (" + hint + ")");
    }
}
