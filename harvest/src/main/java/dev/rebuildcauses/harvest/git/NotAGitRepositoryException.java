package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.harvest.changes.HarvestException;
import java.nio.file.Path;

/** The directory given as a repository is not the root of a git repository. */
public final class NotAGitRepositoryException extends HarvestException {
    public NotAGitRepositoryException(Path directory) {
        super(FailureKind.LOCAL, "not a git repository: " + directory);
    }
}
