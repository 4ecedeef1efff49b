package dev.rebuildcauses.report.pages;

/**
 * One scheduled export as the overview shows it.
 *
 * @param name the export's name
 * @param schedule its cron expression
 * @param lastRun when it last ran (ISO-8601 UTC), empty when never
 * @param outcome {@code ok}, {@code failed} or {@code not run yet}
 * @param detail the files written or the failure's cause
 * @param nextRun when it runs next, empty when unknown
 */
public record ExportStatusRow(
        String name, String schedule, String lastRun, String outcome, String detail, String nextRun) {
    public boolean failed() {
        return "failed".equals(outcome);
    }
}
