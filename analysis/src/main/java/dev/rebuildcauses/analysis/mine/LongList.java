package dev.rebuildcauses.analysis.mine;

import java.util.Arrays;

/** A growable list of primitive longs, so a million durations do not become a million objects. */
final class LongList {
    private long[] values = new long[16];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    /** A sorted copy of the values, ascending. */
    long[] sorted() {
        long[] result = Arrays.copyOf(values, size);
        Arrays.sort(result);
        return result;
    }
}
