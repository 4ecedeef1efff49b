package dev.rebuildcauses.analysis.advice;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Ranks advice, of one job or across all jobs, by what it saves: build hours a month when every
 * piece has durations, else builds avoided a month. Advice whose saving rounds to zero as shown
 * (0.00 hours, 0.0 builds) is negligible: a report leaves it out of its text and keeps it in its CSV.
 */
public final class AdviceRanking {
    /** What the ranking compares. */
    public enum Measure {
        /** Estimated build hours saved a month. */
        HOURS,
        /** Estimated builds avoided a month (a shortened build counts as the share of it saved). */
        BUILDS
    }

    /**
     * One piece of advice in a ranking.
     *
     * @param rank 1 for the largest saving; 0 when negligible
     * @param advice the advice
     * @param saving its saving in the ranking's measure
     */
    public record Ranked(int rank, Advice advice, double saving) {
        public boolean isNegligible() {
            return rank == 0;
        }
    }

    private final Measure measure;
    private final List<Ranked> ranked;

    private AdviceRanking(Measure measure, List<Ranked> ranked) {
        this.measure = measure;
        this.ranked = List.copyOf(ranked);
    }

    /** The ranking of {@code advice}, largest saving first, negligible advice last. */
    public static AdviceRanking of(List<Advice> advice) {
        Measure measure = measureOf(advice);
        List<Advice> sorted = new ArrayList<>(advice);
        sorted.sort(order(measure));
        List<Ranked> ranked = new ArrayList<>(sorted.size());
        int rank = 0;
        for (Advice piece : sorted) {
            double saving = saving(piece, measure);
            ranked.add(new Ranked(isNegligible(saving, measure) ? 0 : ++rank, piece, saving));
        }
        return new AdviceRanking(measure, ranked);
    }

    /** Hours when every piece has a saving in hours (every job has durations), else builds. */
    public static Measure measureOf(List<Advice> advice) {
        return !advice.isEmpty() && advice.stream().allMatch(Advice::hasSaving) ? Measure.HOURS : Measure.BUILDS;
    }

    /** Largest saving first in {@code measure}; ties by kind, then job. */
    public static Comparator<Advice> order(Measure measure) {
        return Comparator.comparingDouble((Advice advice) -> saving(advice, measure))
                .reversed()
                .thenComparing(Advice::kind)
                .thenComparing(Advice::job);
    }

    /** The saving of {@code advice} in {@code measure}; 0 when it has none in that measure. */
    public static double saving(Advice advice, Measure measure) {
        Double value = measure == Measure.HOURS ? advice.savingHoursPerMonth() : advice.savingBuildsPerMonth();
        return value == null ? 0 : value;
    }

    /** True when the saving shows as zero: under 0.005 hours (two decimals) or 0.05 builds (one decimal). */
    public static boolean isNegligible(double saving, Measure measure) {
        return saving < (measure == Measure.HOURS ? 0.005 : 0.05);
    }

    /** The saving as a report shows it, e.g. {@code 3.25 build hours a month} or {@code 12.0 builds a month}. */
    public static String describe(double saving, Measure measure) {
        return measure == Measure.HOURS
                ? String.format(Locale.ROOT, "%.2f build hours a month", saving)
                : String.format(Locale.ROOT, "%.1f builds a month", saving);
    }

    public Measure measure() {
        return measure;
    }

    /** Every piece, ranked: the negligible ones last, with rank 0. */
    public List<Ranked> all() {
        return ranked;
    }

    /** The pieces worth showing, largest saving first. */
    public List<Ranked> shown() {
        return ranked.stream().filter(r -> !r.isNegligible()).toList();
    }

    /** How many pieces are negligible. */
    public int negligible() {
        return (int) ranked.stream().filter(Ranked::isNegligible).count();
    }
}
