package dev.rebuildcauses.analysis.infer;

/** The repository could not be read at a revision; the message names the revision and what failed. */
public class SnapshotException extends Exception {
    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
