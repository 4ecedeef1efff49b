package dev.rebuildcauses.analysis.model;

/** How a build's change range was resolved. */
public enum RangeStatus {
    /** No previous build of the same job and branch to compare with. */
    FIRST_BUILD,
    /** The revision did not move since the previous build. */
    NO_NEW_COMMIT,
    /** Commits and changed files between the previous built revision and this one are known. */
    RESOLVED,
    /** The range could not be resolved (revision unknown to the repository, commit gone after a force-push). */
    UNKNOWN,
    /** The build recorded no revision (a job without SCM data, a build aborted before its checkout). */
    NO_REVISION,
    /**
     * The build's revision is known but no change source is configured for its repository (no local
     * clone mapped, no repository known); a later harvest with the mapping added resolves it.
     */
    NO_CHANGE_SOURCE
}
