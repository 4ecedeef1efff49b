package dev.rebuildcauses.analysis.chart;

import java.util.Arrays;

/** A growable array of primitive longs: a million durations without a million boxes. */
final class LongArray {
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

    long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }
}
