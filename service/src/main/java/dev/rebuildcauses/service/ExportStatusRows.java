package dev.rebuildcauses.service;

import dev.rebuildcauses.report.pages.ExportStatusRow;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The scheduler's statuses as the overview's table rows: times in ISO-8601 UTC to the second. */
public final class ExportStatusRows {
    private ExportStatusRows() {}

    public static List<ExportStatusRow> of(List<ExportStatus> statuses) {
        return statuses.stream().map(ExportStatusRows::row).toList();
    }

    static ExportStatusRow row(ExportStatus status) {
        Instant lastRun = latest(status.lastSuccess(), status.lastFailure());
        String outcome;
        String detail;
        if (status.isFailing()) {
            outcome = "failed";
            detail = status.failureCause();
        } else if (status.lastSuccess() != null) {
            outcome = "ok";
            detail = status.lastFailure() == null ? "" : "recovered; last failure " + text(status.lastFailure());
        } else {
            outcome = "not run yet";
            detail = "";
        }
        return new ExportStatusRow(
                status.name(), status.schedule(), text(lastRun), outcome, detail, text(status.nextRun()));
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String text(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
