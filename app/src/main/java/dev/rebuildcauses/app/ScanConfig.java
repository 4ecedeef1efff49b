package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import java.nio.file.Path;

/**
 * What {@code scan} was asked to do.
 *
 * @param repository the local clone
 * @param branch whose first-parent history is walked
 * @param buildsFile builds to join to the history, {@code null} to take each first-parent commit as a build
 * @param rulesFile rules that replace or extend the defaults, {@code null} for the defaults
 * @param outDir where the report goes
 * @param quiet no progress on stderr
 * @param infer read the repository's Dockerfiles and CI files to refine what the default rules decide
 * @param explain also write {@code files.csv}: every changed file's cause and why
 * @param advisor the advisor's assumptions, {@code null} for no advice
 * @param formats the documents written besides the CSV exports
 * @param job the one job to report the repository's commits as; {@code null} for one job per image
 *     when it builds several (named after their folders), else one named after the repository
 */
public record ScanConfig(
        Path repository,
        String branch,
        Path buildsFile,
        Path rulesFile,
        Path outDir,
        boolean quiet,
        boolean infer,
        boolean explain,
        AdvisorSettings advisor,
        ReportFormats formats,
        String job) {
    public ScanConfig {
        formats = formats == null ? ReportFormats.CSV_ONLY : formats;
    }

    /** One job per image, or one named after the repository. */
    public ScanConfig(
            Path repository,
            String branch,
            Path buildsFile,
            Path rulesFile,
            Path outDir,
            boolean quiet,
            boolean infer,
            boolean explain,
            AdvisorSettings advisor,
            ReportFormats formats) {
        this(repository, branch, buildsFile, rulesFile, outDir, quiet, infer, explain, advisor, formats, null);
    }

    /** The CSV exports only. */
    public ScanConfig(
            Path repository,
            String branch,
            Path buildsFile,
            Path rulesFile,
            Path outDir,
            boolean quiet,
            boolean infer,
            boolean explain,
            AdvisorSettings advisor) {
        this(repository, branch, buildsFile, rulesFile, outDir, quiet, infer, explain, advisor, ReportFormats.CSV_ONLY);
    }

    /** The rules refined by inference, without {@code files.csv}, with the advisor's defaults. */
    public ScanConfig(Path repository, String branch, Path buildsFile, Path rulesFile, Path outDir, boolean quiet) {
        this(repository, branch, buildsFile, rulesFile, outDir, quiet, true, false);
    }

    /** With the advisor's defaults. */
    public ScanConfig(
            Path repository,
            String branch,
            Path buildsFile,
            Path rulesFile,
            Path outDir,
            boolean quiet,
            boolean infer,
            boolean explain) {
        this(repository, branch, buildsFile, rulesFile, outDir, quiet, infer, explain, AdvisorSettings.defaults());
    }
}
