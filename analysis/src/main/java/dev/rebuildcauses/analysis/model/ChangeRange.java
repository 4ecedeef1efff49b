package dev.rebuildcauses.analysis.model;

import java.util.List;
import java.util.Objects;

/**
 * The change range of a build: what lies between the previous build's revision and this one.
 *
 * @param status how the range was resolved
 * @param fromRevision the previous build's revision (exclusive), {@code null} for a first build
 * @param toRevision this build's revision (inclusive), {@code null} when the build has none
 * @param commits the commits the build brought, oldest first (first-parent range including
 *     everything a merge brought)
 * @param files the files changed over the whole range (union over its commits, or the net
 *     diff where a source only gives that)
 * @param problem why the range is {@link RangeStatus#UNKNOWN}, {@link RangeStatus#NO_REVISION} or
 *     {@link RangeStatus#NO_CHANGE_SOURCE}, else {@code ""}
 */
public record ChangeRange(
        RangeStatus status,
        String fromRevision,
        String toRevision,
        List<Commit> commits,
        List<FileChange> files,
        String problem) {
    public ChangeRange {
        Objects.requireNonNull(status, "status");
        commits = List.copyOf(commits);
        files = List.copyOf(files);
        problem = problem == null ? "" : problem;
    }

    public static ChangeRange firstBuild(String toRevision) {
        return new ChangeRange(RangeStatus.FIRST_BUILD, null, toRevision, List.of(), List.of(), "");
    }

    public static ChangeRange noNewCommit(String revision) {
        return new ChangeRange(RangeStatus.NO_NEW_COMMIT, revision, revision, List.of(), List.of(), "");
    }

    public static ChangeRange resolved(
            String fromRevision, String toRevision, List<Commit> commits, List<FileChange> files) {
        return new ChangeRange(RangeStatus.RESOLVED, fromRevision, toRevision, commits, files, "");
    }

    public static ChangeRange unknown(String fromRevision, String toRevision, String problem) {
        return new ChangeRange(RangeStatus.UNKNOWN, fromRevision, toRevision, List.of(), List.of(), problem);
    }

    /** A build that recorded no revision: nothing to compare. */
    public static ChangeRange noRevision(String fromRevision, String problem) {
        return new ChangeRange(RangeStatus.NO_REVISION, fromRevision, null, List.of(), List.of(), problem);
    }

    /** A build whose repository has no change source here: the revisions are kept to resolve it later. */
    public static ChangeRange noChangeSource(String fromRevision, String toRevision, String problem) {
        return new ChangeRange(RangeStatus.NO_CHANGE_SOURCE, fromRevision, toRevision, List.of(), List.of(), problem);
    }

    /** True when the range says nothing about what changed: unknown, no revision, or no change source. */
    public boolean isUnresolved() {
        return status == RangeStatus.UNKNOWN
                || status == RangeStatus.NO_REVISION
                || status == RangeStatus.NO_CHANGE_SOURCE;
    }
}
