package dev.rebuildcauses.report.pipeline;

/**
 * A host's input (a repository, a server) failed while the pipeline read from it. It carries the host's
 * own exception as its cause, so the host can turn it back into its own failure (and exit code).
 */
public final class SourceException extends Exception {
    public SourceException(Exception cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized Exception getCause() {
        return (Exception) super.getCause();
    }
}
