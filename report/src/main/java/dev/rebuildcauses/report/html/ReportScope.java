package dev.rebuildcauses.report.html;

import java.time.Instant;

/**
 * What a report covers, as its heading says it.
 *
 * @param title e.g. the repository or {@code images/**}
 * @param filter the filters in words, e.g. {@code jobs images/** since 2026-01-01}; empty for the whole history
 * @param generatedAt when the report was made
 */
public record ReportScope(String title, String filter, Instant generatedAt) {
    public static ReportScope of(String title, String filter) {
        return new ReportScope(title, filter, Instant.now());
    }
}
