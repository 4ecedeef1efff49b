package dev.rebuildcauses.analysis.mine;

import dev.rebuildcauses.analysis.model.CauseSet;
import dev.rebuildcauses.analysis.model.Causes;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.model.RangeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One pass over classified builds into primitive accumulators; {@link FindingsMiner} turns them into rows. */
final class MiningPass {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    /** Per cause (inclusive). */
    static final class CauseAccumulator {
        final String name;
        long builds;
        long soloBuilds;
        long buildsWithDuration;
        long millis;
        final LongList durations = new LongList();

        CauseAccumulator(String name) {
            this.name = name;
        }
    }

    /** Per exact combination of causes (exclusive). */
    static final class Combination {
        final CauseSet causes;
        final int[] causeIds;
        final boolean environment;
        long builds;
        long buildsWithDuration;
        long millis;

        Combination(CauseSet causes, int[] causeIds) {
            this.causes = causes;
            this.causeIds = causeIds;
            this.environment = causes.contains(Causes.ENVIRONMENT);
        }
    }

    /** Per job: a tally plus the spread of its environment-change builds. */
    static final class JobAccumulator {
        final CauseTally tally = new CauseTally();
        long environmentChanges;
        long firstEnvironmentChange = Long.MAX_VALUE;
        long lastEnvironmentChange = Long.MIN_VALUE;
    }

    final Map<String, Integer> causeIds = new HashMap<>();
    final List<CauseAccumulator> causes = new ArrayList<>();
    final Map<CauseSet, Combination> combinations = new HashMap<>();
    final Map<String, JobAccumulator> jobs = new HashMap<>();
    /** Keyed by the epoch day of the week's Monday (UTC). */
    final Map<Long, CauseTally> weeks = new HashMap<>();

    long builds;
    long buildsWithDuration;
    long millis;
    long unknownRangeBuilds;
    long noRevisionBuilds;
    long noChangeSourceBuilds;

    void add(ClassifiedBuild classified) {
        Combination combination = combinations.get(classified.causes());
        if (combination == null) {
            combination = new Combination(classified.causes(), idsOf(classified.causes()));
            combinations.put(classified.causes(), combination);
        }
        Duration duration = classified.build().duration();
        boolean hasDuration = duration != null;
        long durationMillis = hasDuration ? duration.toMillis() : 0;

        builds++;
        combination.builds++;
        if (hasDuration) {
            buildsWithDuration++;
            millis += durationMillis;
            combination.buildsWithDuration++;
            combination.millis += durationMillis;
        }
        boolean solo = combination.causeIds.length == 1;
        for (int id : combination.causeIds) {
            CauseAccumulator cause = causes.get(id);
            cause.builds++;
            if (solo) {
                cause.soloBuilds++;
            }
            if (hasDuration) {
                cause.buildsWithDuration++;
                cause.millis += durationMillis;
                cause.durations.add(durationMillis);
            }
        }
        if (classified.range().status() == RangeStatus.UNKNOWN || classified.has(Causes.UNKNOWN_RANGE)) {
            unknownRangeBuilds++;
        }
        if (classified.range().status() == RangeStatus.NO_REVISION || classified.has(Causes.NO_REVISION)) {
            noRevisionBuilds++;
        }
        if (classified.range().status() == RangeStatus.NO_CHANGE_SOURCE || classified.has(Causes.NO_CHANGE_SOURCE)) {
            noChangeSourceBuilds++;
        }

        long started = classified.build().startedAt().toEpochMilli();
        JobAccumulator job = jobs.computeIfAbsent(classified.build().job(), name -> new JobAccumulator());
        job.tally.add(combination.causeIds, hasDuration, durationMillis);
        if (combination.environment) {
            job.environmentChanges++;
            job.firstEnvironmentChange = Math.min(job.firstEnvironmentChange, started);
            job.lastEnvironmentChange = Math.max(job.lastEnvironmentChange, started);
        }
        weeks.computeIfAbsent(weekStartDay(started), day -> new CauseTally())
                .add(combination.causeIds, hasDuration, durationMillis);
    }

    /** The epoch day of the Monday (UTC) of the week holding {@code epochMillis}. */
    static long weekStartDay(long epochMillis) {
        long day = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        // 1970-01-01 was a Thursday: Monday-based day of week is (day + 3) mod 7
        return day - Math.floorMod(day + 3, 7);
    }

    private int[] idsOf(CauseSet set) {
        List<String> names = set.names();
        int[] ids = new int[names.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = causeIds.computeIfAbsent(names.get(i), name -> {
                causes.add(new CauseAccumulator(name));
                return causes.size() - 1;
            });
        }
        return ids;
    }
}
