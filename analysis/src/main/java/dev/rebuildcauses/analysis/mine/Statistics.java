package dev.rebuildcauses.analysis.mine;

/** Order statistics over sorted values, as the findings define them. */
final class Statistics {
    private Statistics() {}

    /** The middle value, or the mean of the two middle values for an even count; NaN when empty. */
    static double median(long[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2.0;
    }

    /** The nearest-rank percentile: the value at rank ceil(p/100 * n), 1-based; NaN when empty. */
    static double nearestRank(long[] sorted, int percent) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.max(1, (percent * (long) n + 99) / 100);
        return sorted[rank - 1];
    }

    /** {@code part / whole}, or 0 when the whole is 0. */
    static double share(double part, double whole) {
        return whole == 0 ? 0.0 : part / whole;
    }
}
