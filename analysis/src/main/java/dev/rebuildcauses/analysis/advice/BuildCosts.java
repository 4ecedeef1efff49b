package dev.rebuildcauses.analysis.advice;

import dev.rebuildcauses.analysis.model.CauseSet;
import dev.rebuildcauses.analysis.model.Causes;
import dev.rebuildcauses.analysis.model.ChangesOmitted;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
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

    private final List<ClassifiedBuild> builds;
    private final List<ClassifiedBuild> omitting;
    private final double spanDays;
    private final boolean durations;
    private final Instant lastStarted;
    /** Answers by filter instance: filters are pure, and the builds do not change. */
    private final Map<Predicate<ClassifiedBuild>, Integer> counts = new IdentityHashMap<>();

    private final Map<Predicate<ClassifiedBuild>, Double> hours = new IdentityHashMap<>();

    /** Over {@code builds}, kept as given: a list that makes its builds on demand is not made whole. */
    BuildCosts(List<ClassifiedBuild> builds) {
        this.builds = builds instanceof RandomAccess ? builds : List.copyOf(builds);
        this.omitting = ChangesOmitted.view(this.builds);
        Instant first = null;
        Instant last = null;
        boolean anyDuration = false;
        for (int i = 0; i < this.builds.size(); i++) {
            ClassifiedBuild build = light(i);
            Instant started = build.build().startedAt();
            first = first == null || started.compareTo(first) < 0 ? started : first;
            last = last == null || started.compareTo(last) > 0 ? started : last;
            anyDuration |= build.build().hasDuration();
        }
        this.lastStarted = last;
        first = first == null ? Instant.EPOCH : first;
        last = last == null ? Instant.EPOCH : last;
        this.spanDays = Math.max(1.0, Duration.between(first, last).getSeconds() / 86_400.0);
        this.durations = anyDuration;
    }

    /** True when the build changed neither environment nor dependency files and has a resolved range of commits that changed files. */
    static boolean isFastPathEligible(ClassifiedBuild build) {
        CauseSet causes = build.causes();
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

    /**
     * {@code filter} asked once per build of this job (without its commits and files), its answers kept by position: the advice asks the
     * same builds the same question in several passes, and some filters look the build up. Asked of a
     * build directly, it asks {@code filter}.
     */
    Predicate<ClassifiedBuild> remembered(Predicate<ClassifiedBuild> filter) {
        BitSet matching = new BitSet(builds.size());
        for (int i = 0; i < builds.size(); i++) {
            matching.set(i, filter.test(light(i)));
        }
        return new Remembered(filter, matching);
    }

    /** A filter with its answer for each build of the job, by position. */
    private record Remembered(Predicate<ClassifiedBuild> filter, BitSet matching)
            implements Predicate<ClassifiedBuild> {
        @Override
        public boolean test(ClassifiedBuild build) {
            return filter.test(build);
        }
    }

    /** Whether the build at {@code position} matches {@code filter}. */
    private static boolean matches(Predicate<ClassifiedBuild> filter, int position, ClassifiedBuild build) {
        return filter instanceof Remembered remembered ? remembered.matching().get(position) : filter.test(build);
    }

    static boolean isCodeOnly(ClassifiedBuild build) {
        return build.causes().isSolo(Causes.CODE);
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

    int count(Predicate<ClassifiedBuild> filter) {
        // the advice asks some filters (the same instance) more than once: a pass over a million builds each
        Integer known = counts.get(filter);
        if (known != null) {
            return known;
        }
        int count = 0;
        for (int i = 0; i < builds.size(); i++) {
            if (matches(filter, i, light(i))) {
                count++;
            }
        }
        counts.put(filter, count);
        return count;
    }

    /** Runs {@code action} on each matching build, whole: with its commits and files. */
    void each(Predicate<ClassifiedBuild> filter, java.util.function.Consumer<ClassifiedBuild> action) {
        for (int i = 0; i < builds.size(); i++) {
            if (matches(filter, i, light(i))) {
                action.accept(builds.get(i));
            }
        }
    }

    /**
     * The build at {@code position}, its commits and files left out where the list makes builds on demand:
     * filters and the counts read a build's record and causes only.
     */
    private ClassifiedBuild light(int position) {
        return omitting.get(position);
    }

    int total() {
        return builds.size();
    }

    double hours(Predicate<ClassifiedBuild> filter) {
        Double known = hours.get(filter);
        if (known != null) {
            return known;
        }
        long millis = 0;
        for (int i = 0; i < builds.size(); i++) {
            ClassifiedBuild build = light(i);
            if (matches(filter, i, build) && build.build().hasDuration()) {
                millis += build.build().duration().toMillis();
            }
        }
        double result = millis / 3_600_000.0;
        hours.put(filter, result);
        return result;
    }

    double perMonth(double hours) {
        return hours * DAYS_PER_MONTH / spanDays;
    }

    /** Durations in hours of the matching builds that have one, sorted. */
    double[] sortedHours(Predicate<ClassifiedBuild> filter) {
        double[] hours = new double[builds.size()];
        int n = 0;
        for (int i = 0; i < builds.size(); i++) {
            ClassifiedBuild build = light(i);
            if (matches(filter, i, build) && build.build().hasDuration()) {
                hours[n++] = build.build().duration().toMillis() / 3_600_000.0;
            }
        }
        double[] sorted = Arrays.copyOf(hours, n);
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
