package dev.rebuildcauses.analysis.model;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/** The views {@link ChangesOmitted} gives: each element made without its changes, or without its commits. */
final class OmittingView<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> whole;
    private final IntFunction<T> make;

    OmittingView(List<T> whole, IntFunction<T> make) {
        this.whole = whole;
        this.make = make;
    }

    @Override
    public T get(int index) {
        return make.apply(Objects.checkIndex(index, whole.size()));
    }

    @Override
    public int size() {
        return whole.size();
    }
}
