package dev.rebuildcauses.analysis.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Some elements of a list, by position, each asked of that list when asked of this one: picking builds out
 * of a list that makes its builds on demand keeps them made on demand.
 */
public final class PickedList<T> extends AbstractList<T> implements RandomAccess, ChangesOmitted<T> {
    private final List<T> source;
    private final List<T> omitting;
    private final List<T> commitless;
    private final int[] positions;

    private PickedList(List<T> source, int[] positions) {
        this.source = source;
        this.omitting = ChangesOmitted.view(source);
        this.commitless = ChangesOmitted.withoutCommitsView(source);
        this.positions = positions;
    }

    /** The elements of {@code source} at the first {@code count} of {@code positions}; {@code source} itself when that is all of it, in order. */
    public static <T> List<T> of(List<T> source, int[] positions, int count) {
        if (count == source.size()) {
            boolean all = true;
            for (int i = 0; i < count && all; i++) {
                all = positions[i] == i;
            }
            if (all) {
                return source;
            }
        }
        for (int i = 0; i < count; i++) {
            Objects.checkIndex(positions[i], source.size());
        }
        return new PickedList<>(source, Arrays.copyOf(positions, count));
    }

    @Override
    public T get(int index) {
        return source.get(positions[Objects.checkIndex(index, positions.length)]);
    }

    @Override
    public T withoutChanges(int index) {
        return omitting.get(positions[Objects.checkIndex(index, positions.length)]);
    }

    @Override
    public T withoutCommits(int index) {
        return commitless.get(positions[Objects.checkIndex(index, positions.length)]);
    }

    @Override
    public int size() {
        return positions.length;
    }
}
