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
    /** Open addressing over the ids: commit + 1, 0 when free; at most half full. */
    private int[] slots = new int[128];

    int size() {
        return columns.size() - taken.cardinality();
    }

    void add(LogEntry entry) {
        int i = columns.add(entry);
        if (parents == null) {
            parents = new CommitColumns.IdLists(columns.idBytes());
        }
        parents.add(entry.parents());
        if (columns.size() * 2 > slots.length) {
            slots = new int[slots.length * 2];
            for (int j = 0; j < columns.size(); j++) {
                place(j);
            }
        } else {
            place(i);
        }
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
        byte[] wanted = columns.size() == 0 ? null : columns.parse(id);
        if (wanted == null) {
            return -1;
        }
        int mask = slots.length - 1;
        for (int slot = spread(CommitIds.hash(wanted, 0)) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int i = slots[slot] - 1;
            if (columns.hasId(i, wanted, 0)) {
                return taken.get(i) ? -1 : i;
            }
        }
        return -1;
    }

    private void place(int i) {
        int mask = slots.length - 1;
        int slot = spread(columns.idHash(i)) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = i + 1;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
