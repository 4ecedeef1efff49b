package dev.rebuildcauses.analysis.model;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * A list of builds that makes its elements on demand and can make one without its range's commits, files
 * and revisions, for much less than the whole: passes that read only a build's record, causes and range status
 * (mining, the advisor's counts) go through a million builds without making a million ranges.
 *
 * @param <T> {@link BuildChanges} or {@link ClassifiedBuild}
 */
public interface ChangesOmitted<T> {
    /**
     * The element at {@code index} as {@link List#get} gives it, except that its range's commits and files
     * may be left out (empty) and its revisions too ({@code null}, in the range and the build): a caller
     * reads the build's job, number, times, duration, result and trigger, the causes and the range's
     * status, nothing else.
     */
    T withoutChanges(int index);

    /** The element at {@code index}, whole, as {@link List#get} gives it. */
    T get(int index);

    /**
     * The element at {@code index} with its range's status, revisions and files, its commits left out
     * (empty): for passes that read which files builds changed, not who committed what. Where commits cannot
     * be left out, the whole element.
     */
    default T withoutCommits(int index) {
        return get(index);
    }

    /**
     * {@code list} as a view whose elements come from {@link #withoutChanges}, or {@code list} itself
     * when it cannot leave changes out: for passes that read only records, causes and range status of
     * builds. Decided once, not per element (a type check against an interface on every element of a
     * million was the most of such a pass).
     */
    static <T> List<T> view(List<T> list) {
        return viewBy(list, omitting -> omitting::withoutChanges);
    }

    /**
     * {@code list} as a view whose elements come from {@link #withoutCommits}, or {@code list} itself when
     * it cannot leave commits out: for passes that read builds' files, not their commits.
     */
    static <T> List<T> withoutCommitsView(List<T> list) {
        return viewBy(list, omitting -> omitting::withoutCommits);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> viewBy(List<T> list, Function<ChangesOmitted<T>, IntFunction<T>> make) {
        if (!(list instanceof ChangesOmitted<?>)) {
            return list;
        }
        return new OmittingView<>(list, make.apply((ChangesOmitted<T>) list));
    }
}
