package dev.rebuildcauses.analysis.chart;

import java.util.Locale;

/** Formats table cells as the CSV exports do, and percentages for text alternatives. */
final class Cells {
    private Cells() {}

    static String share(Double value) {
        return fixed(value, 4);
    }

    static String hours(Double value) {
        return fixed(value, 2);
    }

    static String minutes(Double value) {
        return fixed(value, 2);
    }

    static String days(Double value) {
        return fixed(value, 1);
    }

    static String count(long value) {
        return Long.toString(value);
    }

    /** A value of the given measure: hours with 2 decimals, builds whole (or with 2 decimals when split). */
    static String measure(Measure measure, double value) {
        if (measure == Measure.HOURS || value != Math.rint(value)) {
            return fixed(value, 2);
        }
        return Long.toString((long) value);
    }

    /** A share as a percentage with one decimal, e.g. {@code 52.1%}. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String fixed(Double value, int decimals) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            return "";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
