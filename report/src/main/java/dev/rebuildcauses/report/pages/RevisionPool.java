package dev.rebuildcauses.report.pages;

import java.util.Arrays;

/**
 * Git revisions (40 lowercase hex digits) kept as 20 bytes each in one array, each distinct revision
 * once: a million builds name about a million revisions, which as strings in a map cost about 170 bytes
 * and three objects each (and every young collection of the loading copies them), here 20 bytes and no
 * object. While revisions are added (by one thread, as a table is filled) a hash of their indexes finds
 * those already kept; {@link #freeze} drops it, and reads may then come from any thread.
 */
final class RevisionPool {
    static final int ID_BYTES = 20;
    private static final int ID_CHARS = ID_BYTES * 2;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private byte[] bytes = new byte[ID_BYTES * 64];
    private int size;
    private int[] slots = new int[128]; // pool index + 1, or 0 when free
    /** The revision being looked up, packed: one buffer for every lookup, not an array per build. */
    private final byte[] packed = new byte[ID_BYTES];

    /** True when {@code text} is a revision the pool keeps (so it reads back exactly as given). */
    static boolean fits(String text) {
        if (text == null || text.length() != ID_CHARS) {
            return false;
        }
        for (int i = 0; i < ID_CHARS; i++) {
            if (digit(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The index of {@code revision} (one that {@link #fits}), added if new. */
    int index(String revision) {
        if (slots == null) {
            throw new IllegalStateException("the pool is frozen; no more revisions");
        }
        pack(revision);
        int mask = slots.length - 1;
        for (int slot = hash(packed, 0) & mask; ; slot = (slot + 1) & mask) {
            int held = slots[slot];
            if (held == 0) {
                return add(slot);
            }
            if (Arrays.equals(bytes, (held - 1) * ID_BYTES, held * ID_BYTES, packed, 0, ID_BYTES)) {
                return held - 1;
            }
        }
    }

    /** The revision at {@code index}, as the 40 hex digits it was added as. */
    String text(int index) {
        char[] text = new char[ID_CHARS];
        int at = index * ID_BYTES;
        for (int i = 0; i < ID_BYTES; i++) {
            int b = bytes[at + i] & 0xff;
            text[2 * i] = HEX[b >>> 4];
            text[2 * i + 1] = HEX[b & 0xf];
        }
        return new String(text);
    }

    int size() {
        return size;
    }

    /** Trims the pool to its revisions and drops the hash: reads only from now on. */
    RevisionPool freeze() {
        if (bytes.length != size * ID_BYTES) {
            bytes = Arrays.copyOf(bytes, size * ID_BYTES);
        }
        slots = null;
        return this;
    }

    private int add(int slot) {
        if ((size + 1) * ID_BYTES > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length + (bytes.length >> 1), (size + 1) * ID_BYTES));
        }
        System.arraycopy(packed, 0, bytes, size * ID_BYTES, ID_BYTES);
        int index = size++;
        slots[slot] = index + 1;
        if (size * 2 > slots.length) {
            rehash();
        }
        return index;
    }

    private void rehash() {
        int[] wider = new int[slots.length * 2];
        int mask = wider.length - 1;
        for (int held : slots) {
            if (held != 0) {
                int slot = hash(bytes, (held - 1) * ID_BYTES) & mask;
                while (wider[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                wider[slot] = held;
            }
        }
        slots = wider;
    }

    /** Revisions are hashes already: their first four bytes spread well, mixed in case they are not. */
    private static int hash(byte[] ids, int at) {
        int h = (ids[at] & 0xff) << 24 | (ids[at + 1] & 0xff) << 16 | (ids[at + 2] & 0xff) << 8 | (ids[at + 3] & 0xff);
        h ^= (ids[at + 16] & 0xff) << 24
                | (ids[at + 17] & 0xff) << 16
                | (ids[at + 18] & 0xff) << 8
                | (ids[at + 19] & 0xff);
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private void pack(String revision) {
        for (int i = 0; i < ID_BYTES; i++) {
            packed[i] = (byte) (digit(revision.charAt(2 * i)) << 4 | digit(revision.charAt(2 * i + 1)));
        }
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
