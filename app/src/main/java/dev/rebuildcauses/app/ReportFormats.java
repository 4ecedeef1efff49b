package dev.rebuildcauses.app;

import java.nio.file.Path;

/**
 * Which documents a report writes besides the CSV exports, which it always writes.
 *
 * @param html also {@code rebuild-causes.html}
 * @param chartsDir also every chart as SVG and PNG files in this folder, {@code null} for none
 */
public record ReportFormats(boolean html, Path chartsDir) {
    /** The CSV exports, summary and advice only. */
    public static final ReportFormats CSV_ONLY = new ReportFormats(false, null);

    /** The CSV exports and the HTML report. */
    public static final ReportFormats WITH_HTML = new ReportFormats(true, null);
}
