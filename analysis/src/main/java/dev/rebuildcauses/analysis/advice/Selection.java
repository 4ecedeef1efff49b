package dev.rebuildcauses.analysis.advice;

import java.util.BitSet;
import java.util.function.IntConsumer;

/**
 * Some of a job's builds, by position: what the advice counts, sums and describes. Combined as sets, so
 * a question about a million builds is asked once per filter, not once per count.
 */
final class Selection {
    private final BitSet positions;

    Selection(BitSet positions) {
        this.positions = positions;
    }

    Selection and(Selection other) {
        BitSet both = (BitSet) positions.clone();
        both.and(other.positions);
        return new Selection(both);
    }

    Selection or(Selection other) {
        BitSet either = (BitSet) positions.clone();
        either.or(other.positions);
        return new Selection(either);
    }

    /** These builds without {@code other}'s. */
    Selection andNot(Selection other) {
        BitSet rest = (BitSet) positions.clone();
        rest.andNot(other.positions);
        return new Selection(rest);
    }

    int count() {
        return positions.cardinality();
    }

    boolean contains(int position) {
        return positions.get(position);
    }

    /** Runs {@code action} on each position, in order. */
    void forEach(IntConsumer action) {
        for (int i = positions.nextSetBit(0); i >= 0; i = positions.nextSetBit(i + 1)) {
            action.accept(i);
        }
    }
}
