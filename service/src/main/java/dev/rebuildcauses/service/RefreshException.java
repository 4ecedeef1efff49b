package dev.rebuildcauses.service;

/** The store could not be read or analysed into a new snapshot; the previous snapshot stays in service. */
public final class RefreshException extends Exception {
    private static final long serialVersionUID = 1L;

    public RefreshException(String message, Throwable cause) {
        super(message, cause);
    }
}
