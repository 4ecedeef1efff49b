package dev.rebuildcauses.report.view;

import java.math.BigDecimal;

/** Shares as pages show them: the export's 4-decimal fraction as a percentage with 2 decimals, so both are equal. */
public final class Percent {
    private Percent() {}

    /** {@code 0.4821} as {@code 48.21%}; an empty cell stays empty. */
    public static String of(String exportedShare) {
        if (exportedShare == null || exportedShare.isEmpty()) {
            return "";
        }
        return new BigDecimal(exportedShare).movePointRight(2).toPlainString() + "%";
    }
}
