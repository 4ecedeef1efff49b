package dev.rebuildcauses.report.pipeline;

import dev.rebuildcauses.analysis.model.Build;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Function;

/** The most recent builds of a history, found in one pass without sorting it (a history may hold a million). */
public final class RecentBuilds {
    /** Latest start first; ties by job and number so the choice never depends on the input order. */
    static final Comparator<Build> NEWEST_FIRST = Comparator.comparing(Build::startedAt)
            .thenComparing(Build::job)
            .thenComparingLong(Build::number)
            .reversed();

    private RecentBuilds() {}

    /** The {@code limit} items whose build started last, newest first. */
    public static <T> List<T> newest(List<T> items, Function<T, Build> build, int limit) {
        Comparator<T> newestFirst = Comparator.comparing(build, NEWEST_FIRST);
        PriorityQueue<T> oldestOnTop = new PriorityQueue<>(limit + 1, newestFirst.reversed());
        for (T item : items) {
            oldestOnTop.add(item);
            if (oldestOnTop.size() > limit) {
                oldestOnTop.poll();
            }
        }
        List<T> newest = new ArrayList<>(oldestOnTop);
        newest.sort(newestFirst);
        return newest;
    }
}
