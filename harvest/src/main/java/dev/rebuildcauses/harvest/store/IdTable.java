package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.harvest.model.CommitIds;
import java.util.Arrays;

/**
 * Commit ids (revisions, commits, parents) each kept once, by number: a lower-case hexadecimal id of the
 * length of the first one as its bytes (20 for SHA-1, about a quarter of it as a string), any other id as
 * a string. {@link #NONE} stands for {@code null}.
 */
final class IdTable {
    static final int NONE = -1;

    private int idBytes;
    private int size;
    private byte[] ids = new byte[1024];
    /** Open addressing over the ids kept as bytes: number + 1, 0 when free; at most half full. */
    private int[] slots = new int[128];

    private byte[] wanted = new byte[0];
    /** Ids kept as strings, numbered {@code -2 - index}. */
    private final StringTable others = new StringTable();

    /** The number of {@code id}, given the next one when it is new; {@link #NONE} for null. */
    int number(String id) {
        if (id == null) {
            return NONE;
        }
        if (size == 0 && idBytes == 0 && isLowerHex(id) && (id.length() == 40 || id.length() == 64)) {
            idBytes = id.length() / 2;
            wanted = new byte[idBytes];
        }
        if (idBytes == 0 || id.length() != 2 * idBytes || !isLowerHex(id)) {
            return -2 - others.number(id);
        }
        CommitIds.require(id, wanted, 0, idBytes);
        int mask = slots.length - 1;
        int slot = spread(CommitIds.hash(wanted, 0)) & mask;
        for (; slots[slot] != 0; slot = (slot + 1) & mask) {
            int i = slots[slot] - 1;
            if (Arrays.equals(ids, i * idBytes, i * idBytes + idBytes, wanted, 0, idBytes)) {
                return i;
            }
        }
        int i = size++;
        if ((long) size * idBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("more commit ids than one array holds");
        }
        if (size * idBytes > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(size * idBytes, ids.length * 2));
        }
        System.arraycopy(wanted, 0, ids, i * idBytes, idBytes);
        if (size * 2 > slots.length) {
            slots = new int[slots.length * 2];
            for (int j = 0; j < size; j++) {
                place(j);
            }
        } else {
            slots[slot] = i + 1;
        }
        return i;
    }

    /** The id numbered {@code number}, null for {@link #NONE}. */
    String id(int number) {
        if (number == NONE) {
            return null;
        }
        if (number < 0) {
            return others.get(-2 - number);
        }
        return CommitIds.hex(ids, number * idBytes, idBytes);
    }

    /** How many ids are kept as bytes: those are numbered from 0 up. */
    int bytesIds() {
        return size;
    }

    /** Drops the room kept for more ids and the lookup table: no id is added any more. */
    void seal() {
        ids = Arrays.copyOf(ids, size * idBytes);
        slots = new int[1];
    }

    private void place(int i) {
        int mask = slots.length - 1;
        int slot = spread(CommitIds.hash(ids, i * idBytes)) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = i + 1;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** Only digits and a-f: an id that hex spelling gives back as it was. */
    private static boolean isLowerHex(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
