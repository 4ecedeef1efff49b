package dev.rebuildcauses.analysis.advice;

import dev.rebuildcauses.analysis.model.CauseSet;
import dev.rebuildcauses.analysis.model.Causes;
import dev.rebuildcauses.analysis.model.ChangesOmitted;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Counts and hours of one job's builds, normalised to a month of the job's observed span. */
final class BuildCosts {
    static final double DAYS_PER_MONTH = 30.44;
    private static final Set<String> NOT_FAST_PATH = Set.of(
            Causes.ENVIRONMENT,
            Causes.DEPENDENCIES,
            Causes.EMPTY_COMMIT,
            Causes.NO_NEW_COMMIT,
            Causes.FIRST_BUILD,
            Causes.UNKNOWN_RANGE,
            Causes.NO_REVISION,
            Causes.NO_CHANGE_SOURCE);

    private static final long UNKNOWN = Long.MIN_VALUE;

    private final List<ClassifiedBuild> builds;
    /** The distinct cause sets of the builds, and each build's by position: filters on causes ask each set once. */
    private final List<CauseSet> causeSets = new ArrayList<>();

    private final int[] causeSetOf;
    /** Each build's duration in milliseconds by position, {@link #UNKNOWN} where unknown. */
    private final long[] millis;

    private final double spanDays;
    private final boolean durations;
    private final Instant lastStarted;
    private final Selection all;

    /**
     * Over {@code builds}, kept as given: a list that makes its builds on demand is not made whole. One pass
     * over them (without their commits and files) reads what every count and sum needs.
     */
    BuildCosts(List<ClassifiedBuild> builds) {
        this.builds = builds instanceof RandomAccess ? builds : List.copyOf(builds);
        List<ClassifiedBuild> omitting = ChangesOmitted.view(this.builds);
        int n = this.builds.size();
        this.causeSetOf = new int[n];
        this.millis = new long[n];
        Map<CauseSet, Integer> ids = new IdentityHashMap<>(); // classifiers intern their sets
        CauseSet lastSet = null;
        int lastId = -1;
        Instant first = null;
        Instant last = null;
        boolean anyDuration = false;
        for (int i = 0; i < n; i++) {
            ClassifiedBuild build = omitting.get(i);
            Instant started = build.build().startedAt();
            first = first == null || started.compareTo(first) < 0 ? started : first;
            last = last == null || started.compareTo(last) > 0 ? started : last;
            anyDuration |= build.build().hasDuration();
            millis[i] = build.build().hasDuration() ? build.build().duration().toMillis() : UNKNOWN;
            CauseSet set = build.causes();
            if (set != lastSet) {
                lastId = ids.computeIfAbsent(set, added -> {
                    causeSets.add(added);
                    return causeSets.size() - 1;
                });
                lastSet = set;
            }
            causeSetOf[i] = lastId;
        }
        this.lastStarted = last;
        first = first == null ? Instant.EPOCH : first;
        last = last == null ? Instant.EPOCH : last;
        this.spanDays = Math.max(1.0, Duration.between(first, last).getSeconds() / 86_400.0);
        this.durations = anyDuration;
        BitSet every = new BitSet(n);
        every.set(0, n);
        this.all = new Selection(every);
    }

    /** True when the build changed neither environment nor dependency files and has a resolved range of commits that changed files. */
    static boolean isFastPathEligible(CauseSet causes) {
        if (causes.size() == 0) {
            return false;
        }
        for (String cause : NOT_FAST_PATH) {
            if (causes.contains(cause)) {
                return false;
            }
        }
        return true;
    }

    /** Every build of the job. */
    Selection all() {
        return all;
    }

    /** The builds whose causes match {@code filter}, asked once per distinct set of causes. */
    Selection withCauses(Predicate<CauseSet> filter) {
        boolean[] matching = new boolean[causeSets.size()];
        for (int id = 0; id < matching.length; id++) {
            matching[id] = filter.test(causeSets.get(id));
        }
        BitSet positions = new BitSet(causeSetOf.length);
        for (int i = 0; i < causeSetOf.length; i++) {
            if (matching[causeSetOf[i]]) {
                positions.set(i);
            }
        }
        return new Selection(positions);
    }

    /** The builds {@code filter} accepts, each asked once, without its commits and files. */
    Selection matching(Predicate<ClassifiedBuild> filter) {
        List<ClassifiedBuild> omitting = ChangesOmitted.view(builds);
        BitSet positions = new BitSet(builds.size());
        for (int i = 0; i < builds.size(); i++) {
            if (filter.test(omitting.get(i))) {
                positions.set(i);
            }
        }
        return new Selection(positions);
    }

    /** When the job's last build started, {@code null} without builds. */
    Instant lastStarted() {
        return lastStarted;
    }

    boolean hasDurations() {
        return durations;
    }

    double spanDays() {
        return spanDays;
    }

    int count(Selection selection) {
        return selection.count();
    }

    /** Runs {@code action} on each selected build, whole: with its commits and files. */
    void each(Selection selection, Consumer<ClassifiedBuild> action) {
        selection.forEach(i -> action.accept(builds.get(i)));
    }

    /** Runs {@code action} on each selected build with its files, its commits left out where they can be. */
    void eachWithoutCommits(Selection selection, Consumer<ClassifiedBuild> action) {
        List<ClassifiedBuild> commitless = ChangesOmitted.withoutCommitsView(builds);
        selection.forEach(i -> action.accept(commitless.get(i)));
    }

    int total() {
        return builds.size();
    }

    double hours(Selection selection) {
        long[] sum = {0};
        selection.forEach(i -> sum[0] += millis[i] == UNKNOWN ? 0 : millis[i]);
        return sum[0] / 3_600_000.0;
    }

    double perMonth(double hours) {
        return hours * DAYS_PER_MONTH / spanDays;
    }

    /** Durations in hours of the selected builds that have one, sorted. */
    double[] sortedHours(Selection selection) {
        double[] hours = new double[selection.count()];
        int[] n = {0};
        selection.forEach(i -> {
            if (millis[i] != UNKNOWN) {
                hours[n[0]++] = millis[i] / 3_600_000.0;
            }
        });
        double[] sorted = Arrays.copyOf(hours, n[0]);
        Arrays.sort(sorted);
        return sorted;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The nearest-rank percentile, {@code p} in (0, 1]. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
