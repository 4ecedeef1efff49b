package dev.rebuildcauses.analysis.chart;

import dev.rebuildcauses.analysis.model.CauseSet;
import dev.rebuildcauses.analysis.model.Causes;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over the builds for what the findings do not keep: every duration per cause, each job's
 * time split by cause, and when each job's environment changed. Linear; builds share few cause sets,
 * so each set is looked up once.
 */
final class ChartPass {
    /** A cause set's cause ids, and whether it changes the environment. */
    private record SetInfo(int[] ids, boolean environment) {}

    /** Per job: builds, time (or builds) split equally among each build's causes, environment changes. */
    static final class JobTally {
        long builds;
        double[] split = new double[8];
        final LongArray environmentChanges = new LongArray();

        void add(int[] ids, double amount) {
            builds++;
            double part = amount / ids.length;
            for (int id : ids) {
                if (id >= split.length) {
                    split = Arrays.copyOf(split, Math.max(id + 1, split.length * 2));
                }
                split[id] += part;
            }
        }

        double split(int id) {
            return id < split.length ? split[id] : 0.0;
        }
    }

    private final boolean byTime;
    private final Map<CauseSet, SetInfo> sets = new HashMap<>();
    private final Map<String, Integer> causeIds = new HashMap<>();
    private final List<LongArray> durations = new ArrayList<>();
    final Map<String, JobTally> jobs = new HashMap<>();
    long firstStart = Long.MAX_VALUE;
    long lastStart = Long.MIN_VALUE;

    /** @param byTime split each job's build time among causes (else its builds) */
    ChartPass(boolean byTime) {
        this.byTime = byTime;
    }

    void add(ClassifiedBuild classified) {
        SetInfo set = sets.computeIfAbsent(classified.causes(), this::infoOf);
        Duration duration = classified.build().duration();
        long millis = duration == null ? 0 : duration.toMillis();
        if (duration != null) {
            for (int id : set.ids()) {
                durations.get(id).add(millis);
            }
        }
        long started = classified.build().startedAt().toEpochMilli();
        firstStart = Math.min(firstStart, started);
        lastStart = Math.max(lastStart, started);
        JobTally job = jobs.computeIfAbsent(classified.build().job(), name -> new JobTally());
        job.add(set.ids(), byTime ? millis : 1.0);
        if (set.environment()) {
            job.environmentChanges.add(started);
        }
    }

    /** The sorted durations in milliseconds of the builds with this cause and a known duration. */
    long[] sortedDurations(String cause) {
        Integer id = causeIds.get(cause);
        return id == null ? new long[0] : durations.get(id).sorted();
    }

    /** The id of a cause, or -1 when no build has it. */
    int causeId(String cause) {
        Integer id = causeIds.get(cause);
        return id == null ? -1 : id;
    }

    private SetInfo infoOf(CauseSet set) {
        List<String> names = set.names();
        int[] ids = new int[names.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = causeIds.computeIfAbsent(names.get(i), name -> {
                durations.add(new LongArray());
                return durations.size() - 1;
            });
        }
        return new SetInfo(ids, set.contains(Causes.ENVIRONMENT));
    }
}
