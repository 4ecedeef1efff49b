package dev.rebuildcauses.report.pages;

/** A build's change range could not be read from where it is kept; the message names the build and why. */
public final class BuildRangeException extends Exception {
    private static final long serialVersionUID = 1L;

    public BuildRangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
