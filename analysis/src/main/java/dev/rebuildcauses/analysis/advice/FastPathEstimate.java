package dev.rebuildcauses.analysis.advice;

import java.util.Locale;

/**
 * What a fast-path build (only code changed, dependencies and environment reused) costs, as a
 * fraction of a median build, and where that figure comes from.
 *
 * @param fraction the cost as a fraction of a median build, between 0 and 1
 * @param assumption one sentence saying how it was obtained, for the evidence
 */
record FastPathEstimate(double fraction, String assumption) {
    static final double FALLBACK = 0.25;

    static FastPathEstimate of(BuildCosts costs, Double override) {
        if (override != null) {
            return new FastPathEstimate(
                    override,
                    String.format(
                            Locale.ROOT,
                            "a fast-path build assumed to cost %.0f%% of a median build (set by you)",
                            override * 100));
        }
        double[] all = costs.sortedHours(costs.all());
        double[] eligible = costs.sortedHours(costs.withCauses(BuildCosts::isFastPathEligible));
        if (all.length == 0 || eligible.length == 0 || BuildCosts.median(all) <= 0) {
            return new FastPathEstimate(
                    FALLBACK,
                    String.format(
                            Locale.ROOT,
                            "a fast-path build assumed to cost %.0f%% of a median build (too few builds to estimate; override with the fast-path cost setting)",
                            FALLBACK * 100));
        }
        double p10 = BuildCosts.percentile(eligible, 0.10);
        double median = BuildCosts.median(all);
        double fraction = Math.min(1.0, p10 / median);
        return new FastPathEstimate(
                fraction,
                String.format(
                        Locale.ROOT,
                        "a fast-path build assumed to cost %.0f%% of a median build: the 10th percentile of builds without environment or dependency changes (%.1f min) over the median of all builds (%.1f min); override with the fast-path cost setting",
                        fraction * 100,
                        p10 * 60,
                        median * 60));
    }
}
