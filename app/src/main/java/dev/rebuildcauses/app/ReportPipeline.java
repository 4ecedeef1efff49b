package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.classify.BuildClassifier;
import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.mine.FindingsMiner;
import dev.rebuildcauses.analysis.mine.SummaryWriter;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.report.csv.CsvReportWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * From builds with their change ranges to the report: classify, mine, write the CSV exports and
 * {@code summary.txt}, and print the summary. Shared by every command that produces a report.
 */
public final class ReportPipeline {
    private final BuildClassifier classifier;
    private final Path outDir;
    private final boolean quiet;
    private final PrintWriter out;
    private final PrintWriter err;

    /**
     * @param out where the summary is printed (stdout)
     * @param err where progress goes (stderr), silent when {@code quiet}
     */
    public ReportPipeline(PathClassifier paths, Path outDir, boolean quiet, PrintWriter out, PrintWriter err) {
        this.classifier = new BuildClassifier(paths);
        this.outDir = outDir;
        this.quiet = quiet;
        this.out = out;
        this.err = err;
    }

    /** Runs the pipeline over {@code builds} (in the order the exports list them) and returns what it mined. */
    public Findings run(List<BuildChanges> builds) throws IOException {
        List<ClassifiedBuild> classified = new ArrayList<>(builds.size());
        ProgressBar bar = new ProgressBar(err, "builds classified", !quiet);
        try {
            for (BuildChanges build : builds) {
                classified.add(classifier.classify(build));
                if ((classified.size() & 0x3ff) == 0) {
                    bar.update(classified.size(), builds.size());
                }
            }
            bar.update(classified.size(), builds.size());
        } finally {
            bar.finish();
        }
        Timing.mark("classified");
        // builds.csv, the biggest export, needs no findings: a second core writes it while this one mines
        CsvReportWriter writer = new CsvReportWriter(outDir);
        FutureTask<Path> buildsCsv = new FutureTask<>(() -> writer.writeBuilds(classified));
        Thread buildsWriter = new Thread(buildsCsv, "builds-csv");
        buildsWriter.setDaemon(true);
        buildsWriter.start();
        Findings findings;
        List<String> summary;
        try {
            findings = FindingsMiner.mine(classified);
            Timing.mark("mined");
            summary = SummaryWriter.sentences(findings);
            Timing.mark("summarised");
        } catch (RuntimeException e) {
            finishWriting(buildsWriter); // an exit now would leave a half-written temporary file behind
            throw e;
        }
        try {
            await(buildsCsv);
            writer.writeFindings(findings, summary);
        } catch (IOException e) {
            throw new IOException("cannot write the report to " + outDir + ": " + e, e);
        }
        Timing.mark("report written");
        summary.forEach(out::println);
        out.flush();
        if (!quiet) {
            err.println("Report written to " + outDir);
            err.flush();
        }
        return findings;
    }

    private static void finishWriting(Thread writer) {
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(FutureTask<Path> write) throws IOException {
        try {
            write.get();
        } catch (InterruptedException e) {
            write.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing builds.csv");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
