package dev.rebuildcauses.report.pipeline;

import dev.rebuildcauses.analysis.classify.FileVerdict;
import dev.rebuildcauses.analysis.model.Build;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The file verdicts of the most recent builds, kept while builds are offered in any order (job by job):
 * the same builds as {@link RecentBuilds#newest} picks from the whole history, holding at most
 * {@code limit} builds' verdicts at a time.
 */
final class RecentVerdicts {
    private record Entry(Build build, List<FileVerdict> files) {}

    private final int limit;
    private final PriorityQueue<Entry> oldestOnTop;

    RecentVerdicts(int limit) {
        this.limit = limit;
        Comparator<Entry> newestFirst = Comparator.comparing(Entry::build, RecentBuilds.NEWEST_FIRST);
        this.oldestOnTop = new PriorityQueue<>(limit + 1, newestFirst.reversed());
    }

    void offer(Build build, List<FileVerdict> files) {
        if (limit <= 0) {
            return;
        }
        oldestOnTop.add(new Entry(build, files));
        if (oldestOnTop.size() > limit) {
            oldestOnTop.poll();
        }
    }

    /** The kept verdicts by build. */
    Map<BuildKey, List<FileVerdict>> byBuild() {
        Map<BuildKey, List<FileVerdict>> explained = new HashMap<>();
        for (Entry entry : oldestOnTop) {
            explained.put(BuildKey.of(entry.build()), entry.files());
        }
        return explained;
    }
}
