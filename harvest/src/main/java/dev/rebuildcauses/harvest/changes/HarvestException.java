package dev.rebuildcauses.harvest.changes;

/** A failure that stops a harvest; its message is one clear line naming the URL or file and the problem, never a secret. */
public class HarvestException extends Exception {
    private final FailureKind kind;

    public HarvestException(FailureKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public HarvestException(FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public FailureKind kind() {
        return kind;
    }

    /** Kinds of failure; the command line maps each to its own exit code. */
    public enum FailureKind {
        /** Connection refused, unknown host, timeouts after retries. */
        UNREACHABLE,
        /** 401 or 403. */
        AUTH,
        /** 404 on something that must exist (a job, a repository). */
        NOT_FOUND,
        /** HTML where JSON was expected, malformed or truncated JSON, unexpected shape. */
        BAD_RESPONSE,
        /** 429 or 5xx still failing after every retry, or the request budget is spent. */
        SERVER_ERROR,
        /** Local git, store or file problems. */
        LOCAL
    }
}
