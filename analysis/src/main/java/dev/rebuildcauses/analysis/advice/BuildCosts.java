package dev.rebuildcauses.analysis.advice;

import dev.rebuildcauses.analysis.model.Causes;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
    private final double spanDays;
    private final boolean durations;

    BuildCosts(List<ClassifiedBuild> builds) {
        this.builds = List.copyOf(builds);
        Instant first = builds.stream()
                .map(b -> b.build().startedAt())
                .min(Instant::compareTo)
                .orElse(Instant.EPOCH);
        Instant last = builds.stream()
                .map(b -> b.build().startedAt())
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        this.spanDays = Math.max(1.0, Duration.between(first, last).getSeconds() / 86_400.0);
        this.durations = builds.stream().anyMatch(b -> b.build().hasDuration());
    }

    /** True when the build changed neither environment nor dependency files and has a resolved range of commits that changed files. */
    static boolean isFastPathEligible(ClassifiedBuild build) {
        return build.causes().size() > 0 && build.causes().names().stream().noneMatch(NOT_FAST_PATH::contains);
    }

    static boolean isCodeOnly(ClassifiedBuild build) {
        return build.causes().isSolo(Causes.CODE);
    }

    boolean hasDurations() {
        return durations;
    }

    double spanDays() {
        return spanDays;
    }

    int count(Predicate<ClassifiedBuild> filter) {
        return (int) builds.stream().filter(filter).count();
    }

    /** Runs {@code action} on each matching build. */
    void each(Predicate<ClassifiedBuild> filter, java.util.function.Consumer<ClassifiedBuild> action) {
        builds.stream().filter(filter).forEach(action);
    }

    int total() {
        return builds.size();
    }

    double hours(Predicate<ClassifiedBuild> filter) {
        return builds.stream()
                        .filter(filter)
                        .filter(b -> b.build().hasDuration())
                        .mapToLong(b -> b.build().duration().toMillis())
                        .sum()
                / 3_600_000.0;
    }

    double perMonth(double hours) {
        return hours * DAYS_PER_MONTH / spanDays;
    }

    /** Durations in hours of the matching builds that have one, sorted. */
    double[] sortedHours(Predicate<ClassifiedBuild> filter) {
        return builds.stream()
                .filter(filter)
                .filter(b -> b.build().hasDuration())
                .mapToDouble(b -> b.build().duration().toMillis() / 3_600_000.0)
                .sorted()
                .toArray();
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
