package dev.rebuildcauses.harvest.changes;

import dev.rebuildcauses.analysis.model.ChangeRange;
import java.util.List;

/**
 * Where the commits and changed files of a build's range come from: a local git mirror, or the
 * Bitbucket Server or Cloud API. Implementations cache commits (they are immutable).
 */
public interface ChangeSource {
    /**
     * Resolves the range {@code fromRevision..toRevision} of one repository.
     *
     * @param repository the repository as the build names it (clone URL) or as the config maps it
     * @param fromRevision the previous build's revision (exclusive), never {@code null}
     * @param toRevision this build's revision (inclusive)
     * @return a {@code RESOLVED} range, or an {@code UNKNOWN} one when a revision is gone (404)
     * @throws HarvestException when the source fails in a way that must stop the harvest (auth,
     *     malformed answers, retries exhausted)
     */
    ChangeRange resolve(String repository, String fromRevision, String toRevision) throws HarvestException;

    /**
     * Tells the source that the ranges between consecutive {@code revisions} (one branch's builds,
     * oldest first) are about to be asked for, so it may list their commits at once; a source that
     * cannot still answers each {@link #resolve} on its own. The default does nothing.
     *
     * @throws HarvestException as {@link #resolve} does
     */
    default void expectChain(String repository, List<String> revisions) throws HarvestException {}

    /**
     * Whether this source can resolve ranges of the repository at all (a local clone is mapped for
     * it, say); a build of a repository it cannot is kept as {@code NO_CHANGE_SOURCE} instead of
     * stopping the harvest. The default: every repository.
     */
    default boolean hasSourceFor(String repository) {
        return true;
    }

    /** Requests made to remote servers so far (0 for local sources). */
    default long requestCount() {
        return 0;
    }
}
