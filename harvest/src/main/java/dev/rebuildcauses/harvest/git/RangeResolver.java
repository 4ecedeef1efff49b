package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.harvest.changes.HarvestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves change ranges between built revisions: from an indexed first-parent history when both
 * ends lie on it (no git call), else with one {@code git log} per range.
 */
public final class RangeResolver {
    private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

    private final GitRepository repository;
    private final FirstParentHistory history;

    public RangeResolver(GitRepository repository, FirstParentHistory history) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.history = Objects.requireNonNull(history, "history");
    }

    /**
     * The range {@code from..to}; an {@code UNKNOWN} range names the revision the repository lacks.
     * Revisions may be abbreviated ids, branches or tags.
     */
    public ChangeRange resolve(String fromRevision, String toRevision) throws HarvestException {
        Map<String, String> ids = idsOf(List.of(fromRevision, toRevision));
        String to = ids.get(toRevision);
        String from = ids.get(fromRevision);
        if (to == null) {
            return ChangeRange.unknown(from == null ? fromRevision : from, toRevision, missing(toRevision));
        }
        if (from == null) {
            return ChangeRange.unknown(fromRevision, to, missing(fromRevision));
        }
        return between(from, to);
    }

    /**
     * Joins listed builds to their ranges: builds of one job and branch in number order, each from
     * the previous one's revision to its own; the first of a job and branch is a first build.
     * The result is ordered by job, branch and number; no build is dropped.
     */
    public List<BuildChanges> join(List<Build> builds, WalkProgress progress) throws HarvestException {
        List<Build> ordered = new ArrayList<>(builds);
        ordered.sort(
                Comparator.comparing(Build::job).thenComparing(Build::branch).thenComparingLong(Build::number));
        Map<String, String> ids = idsOf(ordered.stream().map(Build::revision).toList());
        List<BuildChanges> joined = new ArrayList<>(ordered.size());
        // the previous build of a line is the last one that recorded a revision, as in a harvest: a
        // build without one (no SCM data, aborted before checkout) neither hides nor breaks the range
        Build line = null;
        Build previous = null;
        for (Build build : ordered) {
            boolean sameLine = line != null
                    && line.job().equals(build.job())
                    && line.branch().equals(build.branch());
            if (!sameLine) {
                previous = null;
            }
            joined.add(new BuildChanges(build, rangeOf(previous, build, ids)));
            line = build;
            if (hasRevision(build)) {
                previous = build;
            }
            progress.advanced(joined.size(), ordered.size());
        }
        return joined;
    }

    private ChangeRange rangeOf(Build previous, Build build, Map<String, String> ids) throws HarvestException {
        String revision = build.revision();
        String previousRevision = previous == null ? null : previous.revision();
        String previousId = previousRevision == null ? null : ids.get(previousRevision);
        if (!hasRevision(build)) {
            return ChangeRange.noRevision(previousId, "the build recorded no revision");
        }
        String id = ids.get(revision);
        if (id == null) {
            return ChangeRange.unknown(previousId == null ? previousRevision : previousId, revision, missing(revision));
        }
        if (previous == null) {
            return ChangeRange.firstBuild(id);
        }
        if (previousId == null) {
            return ChangeRange.unknown(previousRevision, id, "previous " + missing(previousRevision));
        }
        return between(previousId, id);
    }

    private static boolean hasRevision(Build build) {
        return build.revision() != null && !build.revision().isBlank();
    }

    private ChangeRange between(String from, String to) throws HarvestException {
        if (from.equals(to)) {
            return ChangeRange.noNewCommit(to);
        }
        Optional<ChangeRange> indexed = history.range(from, to);
        return indexed.isPresent() ? indexed.get() : repository.resolveRange(from, to);
    }

    private Map<String, String> idsOf(List<String> revisions) throws HarvestException {
        Map<String, String> ids = new HashMap<>();
        List<String> unresolved = new ArrayList<>();
        for (String revision : revisions) {
            if (revision == null || ids.containsKey(revision)) {
                continue;
            }
            // full ids on the walked chain are known to exist: no need to ask git
            if (FULL_ID.matcher(revision).matches() && history.indexOf(revision) >= 0) {
                ids.put(revision, revision);
            } else {
                unresolved.add(revision);
            }
        }
        ids.putAll(repository.resolveRevisions(unresolved));
        return ids;
    }

    private String missing(String revision) {
        return "revision '" + revision + "' is not in repository " + repository.name();
    }
}
