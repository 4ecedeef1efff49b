package dev.rebuildcauses.service;

/** An export that could not be written; the message names the export and what failed where. */
public final class ExportException extends Exception {
    /** What failed, so a command can choose its exit code. */
    public enum Kind {
        /** The store could not be read. */
        STORE,
        /** The target folder or a file in it could not be written. */
        TARGET,
        /** The report could not be computed (e.g. a Dockerfile source failed). */
        REPORT
    }

    private final String export;
    private final Kind kind;

    public ExportException(String export, Kind kind, String message, Throwable cause) {
        super("export " + export + ": " + message, cause);
        this.export = export;
        this.kind = kind;
    }

    /** The name of the export that failed. */
    public String export() {
        return export;
    }

    public Kind kind() {
        return kind;
    }
}
