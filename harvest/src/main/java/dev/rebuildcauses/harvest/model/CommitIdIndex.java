package dev.rebuildcauses.harvest.model;

import java.util.Arrays;

/**
 * Commit ids of one length, each kept as its bytes in one array and found again by open addressing: what the
 * walk's columns and the store's columns both number their ids with.
 */
public final class CommitIdIndex {
    private final int idBytes;
    private final byte[] wanted;
    private byte[] ids = new byte[1024];
    private int size;
    /** Open addressing over the ids: index + 1, 0 when free; at most half full. */
    private int[] slots = new int[128];

    /** An index of ids of {@code idBytes} bytes each (20 for SHA-1, 32 for SHA-256). */
    public CommitIdIndex(int idBytes) {
        this.idBytes = idBytes;
        this.wanted = new byte[idBytes];
    }

    /** The index of {@code id}, or -1 when it is not here or is not an id of this length. */
    public int indexOf(String id) {
        if (id == null || size == 0 || !CommitIds.parse(id, wanted, 0, idBytes)) {
            return -1;
        }
        return indexOfWanted();
    }

    /** The index of {@code id}, added as the next one when it is new; fails on an id that is not of this length. */
    public int number(String id) {
        CommitIds.require(id, wanted, 0, idBytes);
        int known = size == 0 ? -1 : indexOfWanted();
        return known >= 0 ? known : append();
    }

    /** Adds {@code id}, which must not be here yet, as the next index; fails on an id that is not of this length. */
    public int add(String id) {
        CommitIds.require(id, wanted, 0, idBytes);
        return append();
    }

    private int indexOfWanted() {
        int mask = slots.length - 1;
        for (int slot = spread(CommitIds.hash(wanted, 0)) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int i = slots[slot] - 1;
            if (Arrays.equals(ids, i * idBytes, i * idBytes + idBytes, wanted, 0, idBytes)) {
                return i;
            }
        }
        return -1;
    }

    private int append() {
        int i = size;
        if ((long) (i + 1) * idBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("more commit ids than one array holds");
        }
        if ((i + 1) * idBytes > ids.length) {
            ids = Arrays.copyOf(ids, Math.max((i + 1) * idBytes, ids.length * 2));
        }
        System.arraycopy(wanted, 0, ids, i * idBytes, idBytes);
        size++;
        if (size * 2 > slots.length) {
            slots = new int[slots.length * 2];
            for (int j = 0; j < size; j++) {
                place(j);
            }
        } else {
            place(i);
        }
        return i;
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

    /** The lower-case hexadecimal id at {@code index}. */
    public String id(int index) {
        return CommitIds.hex(ids, index * idBytes, idBytes);
    }

    /** How many ids are here. */
    public int size() {
        return size;
    }

    /** Bytes per id. */
    public int idBytes() {
        return idBytes;
    }

    /** Bytes kept for ids not added yet. */
    public int spareBytes() {
        return ids.length - size * idBytes;
    }

    /**
     * Drops the lookup table and keeps the ids where they are, without the copy {@link #trim} makes: no id is
     * added or looked up any more.
     */
    public void dropLookups() {
        slots = new int[1];
    }

    /** Drops the room kept for more ids; with {@code lookups} false also the lookup table (no id is added or looked up any more). */
    public void trim(boolean lookups) {
        ids = Arrays.copyOf(ids, size * idBytes);
        if (!lookups) {
            slots = new int[1];
        }
    }
}
