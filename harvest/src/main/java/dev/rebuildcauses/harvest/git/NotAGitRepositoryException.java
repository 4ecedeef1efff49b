package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.harvest.changes.HarvestException;
import java.nio.file.Path;

/** The directory given as a repository does not exist, or is not the root of a git repository. */
public final class NotAGitRepositoryException extends HarvestException {
    public NotAGitRepositoryException(Path directory) {
        super(FailureKind.LOCAL, "not a git repository: " + directory);
    }

    private NotAGitRepositoryException(String message) {
        super(FailureKind.LOCAL, message);
    }

    /** Nothing is at {@code path}: a typo, not a folder that lacks git. */
    static NotAGitRepositoryException missing(Path path) {
        return new NotAGitRepositoryException("no such directory: " + path);
    }

    /** {@code path} is a file, not a folder. */
    static NotAGitRepositoryException notADirectory(Path path) {
        return new NotAGitRepositoryException("not a directory: " + path);
    }
}
