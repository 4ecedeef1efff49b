package dev.rebuildcauses.analysis.model;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/** The view {@link ChangesOmitted#view} gives: each element made without its changes. */
final class OmittingView<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> whole;
    private final ChangesOmitted<T> omitting;

    OmittingView(List<T> whole, ChangesOmitted<T> omitting) {
        this.whole = whole;
        this.omitting = omitting;
    }

    @Override
    public T get(int index) {
        return omitting.withoutChanges(Objects.checkIndex(index, whole.size()));
    }

    @Override
    public int size() {
        return whole.size();
    }
}
