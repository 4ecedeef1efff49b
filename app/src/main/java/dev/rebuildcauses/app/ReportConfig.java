package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What {@code report} was asked to do.
 *
 * @param configFile the rebuild-causes.yml naming the store
 * @param outDir where the report goes
 * @param since first start time included, or {@code null}
 * @param until start times before this are included, or {@code null}
 * @param jobGlob job full-name glob, or {@code null} for every job
 * @param rulesFile rules overriding the config's, or {@code null}
 * @param quiet no progress on stderr
 * @param explain also write {@code files.csv}: every changed file's cause and why
 * @param advisor the advisor's assumptions, {@code null} for no advice
 * @param formats the documents written besides the CSV exports
 */
public record ReportConfig(
        Path configFile,
        Path outDir,
        Instant since,
        Instant until,
        String jobGlob,
        Path rulesFile,
        boolean quiet,
        boolean explain,
        AdvisorSettings advisor,
        ReportFormats formats) {
    public ReportConfig {
        formats = formats == null ? ReportFormats.CSV_ONLY : formats;
    }

    /** The CSV exports only. */
    public ReportConfig(
            Path configFile,
            Path outDir,
            Instant since,
            Instant until,
            String jobGlob,
            Path rulesFile,
            boolean quiet,
            boolean explain,
            AdvisorSettings advisor) {
        this(configFile, outDir, since, until, jobGlob, rulesFile, quiet, explain, advisor, ReportFormats.CSV_ONLY);
    }

    /** Without {@code files.csv}, with the advisor's defaults. */
    public ReportConfig(
            Path configFile, Path outDir, Instant since, Instant until, String jobGlob, Path rulesFile, boolean quiet) {
        this(configFile, outDir, since, until, jobGlob, rulesFile, quiet, false, AdvisorSettings.defaults());
    }
}
