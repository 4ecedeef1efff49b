package dev.rebuildcauses.plugin;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.classify.FileVerdict;
import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.mine.JobStats;
import dev.rebuildcauses.analysis.model.BuildSummary;
import dev.rebuildcauses.report.csv.AdviceCsvWriter;
import dev.rebuildcauses.report.csv.CsvReportWriter;
import dev.rebuildcauses.report.csv.FilesCsvWriter;
import dev.rebuildcauses.report.pages.BuildRangeException;
import dev.rebuildcauses.report.pages.JobFigures;
import dev.rebuildcauses.report.pages.ReportIndex;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's {@code csv/<table>} downloads, as {@code serve} answers them: written by the exports'
 * own writers, so a download has exactly the schema of the exported file of the same name.
 */
final class CsvTables {
    private CsvTables() {}

    static Answer answer(String table, RequestParameters parameters, ReportIndex index)
            throws IOException, SnapshotException, RequestParameters.BadRequest {
        Optional<String> job = parameters.get("job");
        ReportIndex.JobEntry entry = null;
        if (job.isPresent()) {
            Optional<ReportIndex.JobEntry> found = index.job(job.get());
            if (found.isEmpty()) {
                return Answer.Body.notFound("no job of that name in the store");
            }
            entry = found.get();
        }
        Findings findings = entry == null ? index.report().findings() : entry.findings();
        String name = entry == null ? table : slug(job.get()) + "-" + table;
        switch (table) {
            case CsvReportWriter.CAUSES:
                return csv(name, out -> CsvReportWriter.writeCauses(findings.causes(), out));
            case CsvReportWriter.COMBINATIONS:
                return csv(name, out -> CsvReportWriter.writeCombinations(findings.combinations(), out));
            case CsvReportWriter.WEEKLY:
                return csv(name, out -> CsvReportWriter.writeWeekly(findings.weekly(), out));
            case CsvReportWriter.JOBS:
                List<JobStats> rows = index.jobsTable().query(parameters.jobsQuery()).matching().stream()
                        .map(JobFigures::stats)
                        .toList();
                return csv(name, out -> CsvReportWriter.writeJobs(rows, out));
            case AdviceCsvWriter.FILE_NAME:
                List<Advice> advice = entry == null ? ranked(index.report().advice()) : entry.advice();
                return csv(name, out -> AdviceCsvWriter.write(advice, out));
            case CsvReportWriter.BUILDS:
                return builds(parameters, index, entry, name);
            case FilesCsvWriter.FILES:
                if (entry == null) {
                    return Answer.Body.notFound("files.csv is per build: give ?job= and &number=");
                }
                Optional<BuildSummary> build = entry.build(parameters.buildNumber());
                if (build.isEmpty()) {
                    return Answer.Body.notFound("no build of that number in this job");
                }
                List<FileVerdict> files;
                try {
                    files = index.files(build.get().build(), index.range(build.get()));
                } catch (BuildRangeException e) {
                    return Answer.Body.notFound("the range of this build cannot be read: " + e.getMessage());
                }
                return csv(
                        slug(job.get()) + "-" + build.get().build().number() + "-files.csv",
                        out -> FilesCsvWriter.write(build.get().build(), files, out));
            default:
                return Answer.Body.notFound("no table " + table);
        }
    }

    private static Answer builds(
            RequestParameters parameters, ReportIndex index, ReportIndex.JobEntry entry, String name)
            throws IOException {
        Optional<String> cause = parameters.get("cause");
        if (cause.isPresent()) {
            List<BuildSummary> builds = new ArrayList<>(index.buildsWith(cause.get()));
            // the export's order: by job, then number
            builds.sort(Comparator.comparing((BuildSummary b) -> b.build().job())
                    .thenComparingLong(b -> b.build().number()));
            return csv(slug(cause.get()) + "-builds.csv", out -> CsvReportWriter.writeBuildSummaries(builds, out));
        }
        List<BuildSummary> builds = entry != null ? entry.builds() : index.builds();
        return csv(name, out -> CsvReportWriter.writeBuildSummaries(builds, out));
    }

    private static List<Advice> ranked(List<Advice> advice) {
        List<Advice> ranked = new ArrayList<>(advice);
        ranked.sort(ReportIndex.MOST_SAVED_FIRST);
        return ranked;
    }

    /** The rows of one table. */
    @FunctionalInterface
    private interface Table {
        void writeTo(Writer out) throws IOException;
    }

    private static Answer csv(String fileName, Table table) throws IOException {
        StringWriter out = new StringWriter();
        table.writeTo(out);
        return new Answer.Body(
                200, "text/csv; charset=utf-8", out.toString().getBytes(StandardCharsets.UTF_8), fileName);
    }

    /** A file name part from any text: letters, digits, dots and dashes only. */
    static String slug(String text) {
        String slug = text.replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("^[-.]+|-+$", "");
        return slug.isEmpty() ? "job" : slug.length() > 80 ? slug.substring(0, 80) : slug;
    }
}
