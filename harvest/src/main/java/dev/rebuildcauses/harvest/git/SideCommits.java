package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.Commit;
import java.util.BitSet;

/**
 * The commits a walk met off the first-parent chain, kept in columns as the chain is ({@link
 * CommitColumns}), findable by id: while git writes, the collector has only arrays to keep, not five
 * objects for each merged commit. A commit listed before its child on the chain (a wrong clock) is taken
 * back out whole when that child is met.
 */
final class SideCommits {
    private final CommitColumns columns = new CommitColumns();
    /** Commit {@code i}'s parents are list {@code i}. */
    private CommitColumns.IdLists parents;

    private final BitSet taken = new BitSet();

    int size() {
        return columns.size() - taken.cardinality();
    }

    void add(LogEntry entry) {
        columns.add(entry);
        if (parents == null) {
            parents = new CommitColumns.IdLists(columns.idBytes());
        }
        parents.add(entry.parents());
    }

    /** The commit {@code id} as it was added, no longer among these; {@code null} when it is not here. */
    LogEntry take(String id) {
        int i = indexOf(id);
        if (i < 0) {
            return null;
        }
        taken.set(i);
        return new LogEntry(
                columns.id(i),
                parents.get(i),
                columns.author(i),
                columns.authorTime(i),
                columns.commitTime(i),
                columns.message(i),
                columns.files(i));
    }

    /** The commit {@code id} (its diff unknown), or {@code null} when it is not here. */
    Commit commit(String id) {
        int i = indexOf(id);
        if (i < 0) {
            return null;
        }
        return new Commit(
                columns.id(i), parents.get(i), columns.author(i), columns.authorTime(i), columns.message(i), -1);
    }

    private int indexOf(String id) {
        int i = columns.indexOf(id);
        return i < 0 || taken.get(i) ? -1 : i;
    }
}
