package dev.rebuildcauses.analysis.mine;

import java.util.Arrays;

/** Builds and build time of a group of builds (a job, a week), in total and per cause id. */
final class CauseTally {
    long builds;
    long buildsWithDuration;
    long millis;
    long[] causeBuilds = new long[8];
    long[] causeBuildsWithDuration = new long[8];
    long[] causeMillis = new long[8];

    void add(int[] causeIds, boolean hasDuration, long durationMillis) {
        builds++;
        if (hasDuration) {
            buildsWithDuration++;
            millis += durationMillis;
        }
        for (int id : causeIds) {
            if (id >= causeBuilds.length) {
                grow(id + 1);
            }
            causeBuilds[id]++;
            if (hasDuration) {
                causeBuildsWithDuration[id]++;
                causeMillis[id] += durationMillis;
            }
        }
    }

    /** How many cause ids this tally has room for; ids beyond have no builds. */
    int width() {
        return causeBuilds.length;
    }

    private void grow(int needed) {
        int size = Math.max(needed, causeBuilds.length * 2);
        causeBuilds = Arrays.copyOf(causeBuilds, size);
        causeBuildsWithDuration = Arrays.copyOf(causeBuildsWithDuration, size);
        causeMillis = Arrays.copyOf(causeMillis, size);
    }
}
