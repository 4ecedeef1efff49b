package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The files along a walked first-parent chain, known from the walk's own diffs: the listing of a
 * later revision is the one of an earlier revision plus the diffs of the steps between them, so
 * no tree is read. Forward only; anything else (a revision off the chain, going back) is left to
 * the caller. Not thread-safe.
 */
final class ChainListing {
    private final FirstParentHistory history;
    private int at = -1;
    private TreeSet<String> paths;
    private List<String> listing;

    ChainListing(FirstParentHistory history) {
        this.history = history;
    }

    /**
     * The diffs of the steps after {@code from} up to {@code to}, each step's removals first, when
     * both lie on the chain with {@code from} not after {@code to}.
     */
    Optional<List<FileChange>> changesBetween(String from, String to) {
        int start = history.indexOf(from);
        int end = history.indexOf(to);
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        List<FileChange> changes = new ArrayList<>();
        for (int i = start + 1; i <= end; i++) {
            List<FileChange> step = history.steps().get(i).files();
            for (FileChange change : step) {
                if (removes(change)) {
                    changes.add(change);
                }
            }
            for (FileChange change : step) {
                if (!removes(change)) {
                    changes.add(change);
                }
            }
        }
        return Optional.of(changes);
    }

    /**
     * The reads worth doing with {@code revision:path}, by name: that one, then, for each of the next
     * steps (at most {@code horizon} on) that name {@code path} in their diff, up to {@code limit}
     * of them, the path at that step and at its parent: what a reader moving along the chain and
     * reading the files each step changes (and the side before, for a diff) asks for next. Empty
     * when {@code revision} is not on the chain.
     */
    List<String> readsAhead(String revision, String path, int limit, int horizon) {
        int start = history.indexOf(revision);
        if (start < 0) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        names.add(revision + ":" + path);
        List<HistoryStep> steps = history.steps();
        int found = 0;
        for (int i = start + 1; i < steps.size() && i <= start + horizon && found < limit; i++) {
            for (FileChange change : steps.get(i).files()) {
                if (path.equals(change.path()) || path.equals(change.oldPath())) {
                    names.add(steps.get(i - 1).commit().id() + ":" + path);
                    names.add(steps.get(i).commit().id() + ":" + path);
                    found++;
                    break;
                }
            }
        }
        return names;
    }

    /**
     * The sorted listing of {@code revision} from the last one given, when {@code revision} lies on
     * the chain at or after it: the same list when no step between them added or removed a path.
     */
    Optional<List<String>> paths(String revision) {
        int end = history.indexOf(revision);
        if (paths == null || end < at) {
            return Optional.empty();
        }
        boolean moved = false;
        for (int i = at + 1; i <= end; i++) {
            for (FileChange change : history.steps().get(i).files()) {
                if (removes(change)) {
                    moved |= paths.remove(change.kind() == ChangeKind.RENAME ? change.oldPath() : change.path());
                }
            }
            for (FileChange change : history.steps().get(i).files()) {
                if (!removes(change) || change.kind() == ChangeKind.RENAME) {
                    moved |= paths.add(change.path());
                }
            }
        }
        at = end;
        if (moved) {
            listing = List.copyOf(paths);
        }
        return Optional.of(listing);
    }

    /**
     * Starts again from a listing read from the trees of {@code revision}; a repository with
     * submodules is never followed, as its diffs name submodules that listings leave out.
     */
    void restart(String revision, List<String> listed) {
        int position = history.indexOf(revision);
        if (position < 0 || listed.contains(".gitmodules")) {
            return;
        }
        at = position;
        paths = new TreeSet<>(listed);
        listing = listed;
    }

    private static boolean removes(FileChange change) {
        return change.kind() == ChangeKind.DELETE || change.kind() == ChangeKind.RENAME;
    }
}
