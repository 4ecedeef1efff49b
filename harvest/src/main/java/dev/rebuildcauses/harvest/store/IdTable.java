package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.harvest.model.CommitIdIndex;

/**
 * Commit ids (revisions, commits, parents) each kept once, by number: a lower-case hexadecimal id of the
 * length of the first one as its bytes (20 for SHA-1, about a quarter of it as a string), any other id as
 * a string. {@link #NONE} stands for {@code null}.
 */
final class IdTable {
    static final int NONE = -1;

    /** The ids kept as bytes, made at the first lower-case hexadecimal id of 40 or 64 digits. */
    private CommitIdIndex index;
    /** Ids kept as strings, numbered {@code -2 - index}. */
    private final StringTable others = new StringTable();

    /** The number of {@code id}, given the next one when it is new; {@link #NONE} for null. */
    int number(String id) {
        if (id == null) {
            return NONE;
        }
        if (index == null && isLowerHex(id) && (id.length() == 40 || id.length() == 64)) {
            index = new CommitIdIndex(id.length() / 2);
        }
        if (index == null || id.length() != 2 * index.idBytes() || !isLowerHex(id)) {
            return -2 - others.number(id);
        }
        return index.number(id);
    }

    /** The number of {@code id} when it was given one, else {@link #NONE}; gives no number. */
    int find(String id) {
        if (index != null && id.length() == 2 * index.idBytes() && isLowerHex(id)) {
            return index.indexOf(id);
        }
        int other = others.find(id);
        return other < 0 ? NONE : -2 - other;
    }

    /** The id numbered {@code number}, null for {@link #NONE}. */
    String id(int number) {
        if (number == NONE) {
            return null;
        }
        if (number < 0) {
            return others.get(-2 - number);
        }
        return index.id(number);
    }

    /** How many ids are kept as bytes: those are numbered from 0 up. */
    int bytesIds() {
        return index == null ? 0 : index.size();
    }

    /**
     * Drops the lookup table: no id is added any more. The room kept for more ids goes too when it is more
     * than a quarter of the ids: dropping it takes a copy of them all, held at once with the old array.
     */
    void seal() {
        if (index == null) {
            return;
        }
        if (index.spareBytes() > index.size() * index.idBytes() / 4) {
            index.trim(false);
        } else {
            index.dropLookups();
        }
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
