package dev.rebuildcauses.analysis.chart;

import java.util.List;

/**
 * One row of the cadence chart: when a job's environment changed.
 *
 * @param environmentChanges as in {@code jobs.csv}
 * @param meanDaysBetweenChanges as in {@code jobs.csv}, {@code null} with fewer than two changes
 * @param marks the changes grouped by day (by week over long histories), in time order
 */
public record JobCadence(String job, long environmentChanges, Double meanDaysBetweenChanges, List<CadenceMark> marks) {
    public JobCadence {
        marks = List.copyOf(marks);
    }

    /** The row's label: the job and how often its environment changes. */
    public String label() {
        if (environmentChanges == 0) {
            return job + " (no change)";
        }
        if (meanDaysBetweenChanges == null) {
            return job + " (1 change)";
        }
        return job + " (every " + Cells.days(meanDaysBetweenChanges) + " d)";
    }
}
