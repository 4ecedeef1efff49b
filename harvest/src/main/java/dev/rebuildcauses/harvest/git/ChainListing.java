package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The files along a walked first-parent chain, known from the walk's own diffs: the listing of a
 * later revision is the one of an earlier revision plus the diffs of the steps between them, so
 * no tree is read. Forward only; anything else (a revision off the chain, going back) is left to
 * the caller. Not thread-safe.
 */
final class ChainListing {
    /** Steps a listing is always moved by diffs rather than read from the trees again. */
    static final int STEPS_MOVED = 4096;

    private final FirstParentHistory history;
    private int at = -1;
    private TreeSet<String> paths;
    private List<String> listing;

    private final int stepsMoved;

    ChainListing(FirstParentHistory history) {
        this(history, STEPS_MOVED);
    }

    /** A listing moved by diffs over {@code stepsMoved} steps at least. */
    ChainListing(FirstParentHistory history, int stepsMoved) {
        this.history = history;
        this.stepsMoved = stepsMoved;
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
            int count = history.fileCount(i);
            for (int j = 0; j < count; j++) {
                FileChange change = history.file(i, j);
                if (removes(change)) {
                    changes.add(change);
                }
            }
            for (int j = 0; j < count; j++) {
                FileChange change = history.file(i, j);
                if (!removes(change)) {
                    changes.add(change);
                }
            }
        }
        return Optional.of(changes);
    }

    /**
     * What to read with {@code revision:path}, by name, for a reader moving forward along the chain
     * and reading the files each step changes (and the side before, for a diff).
     *
     * @param asked the names to ask git for: {@code revision:path}, then {@code path} at each of
     *     the next steps (at most {@code horizon} on) that name it in their diff, up to {@code limit}
     * @param sameAs names with the same text as an asked one: the parent of each of those steps has
     *     the text of the change before it (or of {@code revision}), as no step in between names the path
     */
    record ReadAhead(List<String> asked, Map<String, String> sameAs) {}

    /** The read-ahead of {@code revision:path}; empty when {@code revision} is not on the chain. */
    Optional<ReadAhead> readsAhead(String revision, String path, int limit, int horizon) {
        int start = history.indexOf(revision);
        if (start < 0) {
            return Optional.empty();
        }
        String last = revision + ":" + path;
        List<String> asked = new ArrayList<>();
        asked.add(last);
        Map<String, String> sameAs = new LinkedHashMap<>();
        for (int i = start + 1; i < history.size() && i <= start + horizon && asked.size() <= limit; i++) {
            for (int j = 0, count = history.fileCount(i); j < count; j++) {
                FileChange change = history.file(i, j);
                if (path.equals(change.path()) || path.equals(change.oldPath())) {
                    String before = history.id(i - 1) + ":" + path;
                    if (!before.equals(last)) {
                        sameAs.put(before, last);
                    }
                    last = history.id(i) + ":" + path;
                    asked.add(last);
                    break;
                }
            }
        }
        return Optional.of(new ReadAhead(asked, sameAs));
    }

    /**
     * The sorted listing of {@code revision} from the last one given, when {@code revision} lies on
     * the chain at or after it, not too far on: the same list when no step between them added or
     * removed a path. Past {@link #movesAtMost} steps the trees are read instead: the image split
     * asks for the tip right after the trigger pass listed the first revision, and moving that
     * listing over a million steps took longer than the walk's parsing of them.
     */
    Optional<List<String>> paths(String revision) {
        int end = history.indexOf(revision);
        if (paths == null || end < at || end - at > movesAtMost()) {
            return Optional.empty();
        }
        boolean moved = false;
        for (int i = at + 1; i <= end; i++) {
            List<FileChange> step = history.files(i);
            for (FileChange change : step) {
                if (removes(change)) {
                    moved |= paths.remove(change.kind() == ChangeKind.RENAME ? change.oldPath() : change.path());
                }
            }
            for (FileChange change : step) {
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

    /** How many steps a listing is moved by diffs at most: about what reading its trees costs, at least {@link #stepsMoved}. */
    private int movesAtMost() {
        return Math.max(stepsMoved, paths.size());
    }

    private static boolean removes(FileChange change) {
        return change.kind() == ChangeKind.DELETE || change.kind() == ChangeKind.RENAME;
    }
}
