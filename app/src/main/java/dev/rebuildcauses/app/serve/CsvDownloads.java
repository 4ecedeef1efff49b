package dev.rebuildcauses.app.serve;

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
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every table of the dashboard as a CSV download, written by the exports' own writers, so a download
 * has exactly the schema (columns, number formats, neutralised formulas) of the file of the same name.
 */
final class CsvDownloads {
    private CsvDownloads() {}

    /** Answers {@code /csv/{table}}: the instance's table, or one job's with {@code ?job=}. */
    static void answer(Context ctx, ReportIndex index) throws IOException, SnapshotException, BuildRangeException {
        String table = ctx.pathParam("table");
        String job = ctx.queryParam("job");
        ReportIndex.JobEntry entry = job == null ? null : Lookups.job(index, job);
        Findings findings = entry == null ? index.report().findings() : entry.findings();
        String name = entry == null ? table : slug(job) + "-" + table;
        switch (table) {
            case CsvReportWriter.CAUSES -> send(ctx, name, out -> CsvReportWriter.writeCauses(findings.causes(), out));
            case CsvReportWriter.COMBINATIONS -> send(
                    ctx, name, out -> CsvReportWriter.writeCombinations(findings.combinations(), out));
            case CsvReportWriter.WEEKLY -> send(ctx, name, out -> CsvReportWriter.writeWeekly(findings.weekly(), out));
            case CsvReportWriter.JOBS -> {
                List<JobStats> rows = index.jobsTable().query(JobsQueries.from(ctx)).matching().stream()
                        .map(JobFigures::stats)
                        .toList();
                send(ctx, name, out -> CsvReportWriter.writeJobs(rows, out));
            }
            case AdviceCsvWriter.FILE_NAME -> {
                List<Advice> advice = entry == null ? ranked(index.report().advice()) : entry.advice();
                send(ctx, name, out -> AdviceCsvWriter.write(advice, out));
            }
            case CsvReportWriter.BUILDS -> builds(ctx, index, entry, name);
            case FilesCsvWriter.FILES -> {
                if (entry == null) {
                    throw new NotFoundResponse("files.csv is per build: give ?job= and &number=");
                }
                BuildSummary build = Lookups.build(entry, ctx.queryParam("number"));
                List<FileVerdict> files = index.files(build.build(), index.range(build));
                send(
                        ctx,
                        slug(job) + "-" + build.build().number() + "-files.csv",
                        out -> FilesCsvWriter.write(build.build(), files, out));
            }
            default -> throw new NotFoundResponse("no table " + table);
        }
    }

    private static void builds(Context ctx, ReportIndex index, ReportIndex.JobEntry entry, String name)
            throws IOException {
        String cause = ctx.queryParam("cause");
        if (cause != null) {
            List<BuildSummary> builds = new ArrayList<>(index.buildsWith(cause));
            // the export's order: by job, then number
            builds.sort(Comparator.comparing((BuildSummary b) -> b.build().job())
                    .thenComparingLong(b -> b.build().number()));
            send(ctx, slug(cause) + "-builds.csv", out -> CsvReportWriter.writeBuildSummaries(builds, out));
        } else if (entry != null) {
            send(ctx, name, out -> CsvReportWriter.writeBuildSummaries(entry.builds(), out));
        } else {
            send(ctx, name, out -> CsvReportWriter.writeBuildSummaries(index.builds(), out));
        }
    }

    private static List<Advice> ranked(List<Advice> advice) {
        List<Advice> ranked = new ArrayList<>(advice);
        ranked.sort(ReportIndex.MOST_SAVED_FIRST);
        return ranked;
    }

    /** The rows of one table. */
    @FunctionalInterface
    interface Table {
        void writeTo(Writer out) throws IOException;
    }

    private static void send(Context ctx, String fileName, Table table) throws IOException {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
        table.writeTo(out);
        out.flush();
    }

    /** A file name part from any text: letters, digits, dots and dashes only. */
    static String slug(String text) {
        String slug = text.replaceAll("[^A-Za-z0-9.-]+", "-").replaceAll("^[-.]+|-+$", "");
        return slug.isEmpty() ? "job" : slug.length() > 80 ? slug.substring(0, 80) : slug;
    }
}
