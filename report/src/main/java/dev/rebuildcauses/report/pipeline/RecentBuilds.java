package dev.rebuildcauses.report.pipeline;

import dev.rebuildcauses.analysis.model.Build;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ListIterator;
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

    /**
     * The {@code limit} items whose build started last, newest first. The items are read from the last:
     * a history lists its builds oldest first, so once the newest fill the queue each older one costs a
     * single comparison with the oldest kept, instead of going in and out of the queue.
     */
    public static <T> List<T> newest(List<T> items, Function<T, Build> build, int limit) {
        Comparator<T> newestFirst = Comparator.comparing(build, NEWEST_FIRST);
        Comparator<T> oldestFirst = newestFirst.reversed();
        PriorityQueue<T> oldestOnTop = new PriorityQueue<>(limit + 1, oldestFirst);
        for (ListIterator<T> from = items.listIterator(items.size()); from.hasPrevious(); ) {
            T item = from.previous();
            if (oldestOnTop.size() == limit && (limit == 0 || oldestFirst.compare(item, oldestOnTop.peek()) < 0)) {
                continue; // older than every one kept: it would go in and out again
            }
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
