package dev.rebuildcauses.report.pipeline;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/** The most recent builds of a history, found in one pass without sorting it. */
final class RecentBuilds {
    /** Latest start first; ties by job and number so the choice never depends on the input order. */
    static final Comparator<Build> NEWEST_FIRST = Comparator.comparing(Build::startedAt)
            .thenComparing(Build::job)
            .thenComparingLong(Build::number)
            .reversed();

    private RecentBuilds() {}

    /** The keys of the {@code limit} builds that started last. */
    static Set<BuildKey> of(List<BuildChanges> builds, int limit) {
        PriorityQueue<Build> oldestOnTop = new PriorityQueue<>(limit + 1, NEWEST_FIRST.reversed());
        for (BuildChanges changes : builds) {
            oldestOnTop.add(changes.build());
            if (oldestOnTop.size() > limit) {
                oldestOnTop.poll();
            }
        }
        Set<BuildKey> keys = new HashSet<>();
        for (Build build : oldestOnTop) {
            keys.add(BuildKey.of(build));
        }
        return keys;
    }
}
