package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.classify.BuildClassifier;
import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.infer.ExplainedBuild;
import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.mine.FindingsMiner;
import dev.rebuildcauses.analysis.mine.SummaryWriter;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.report.csv.CsvReportWriter;
import dev.rebuildcauses.report.csv.FilesCsvWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * From builds with their change ranges to the report: classify, mine, write the CSV exports and
 * {@code summary.txt}, and print the summary. Shared by every command that produces a report.
 */
public final class ReportPipeline {
    private final PathClassifier paths;
    private final BuildClassifier classifier;
    private final Path outDir;
    private final boolean quiet;
    private final PrintWriter out;
    private final PrintWriter err;
    private final BuildExplainer explainer;
    private final boolean writeFiles;
    private final AdviceStep advice;
    /** Builds whose every changed file is known to enter no image, found while explaining. */
    private final Set<Build> outsideImages = new HashSet<>();

    /**
     * @param out where the summary is printed (stdout)
     * @param err where progress goes (stderr), silent when {@code quiet}
     */
    public ReportPipeline(PathClassifier paths, Path outDir, boolean quiet, PrintWriter out, PrintWriter err) {
        this(paths, outDir, quiet, out, err, null, false, null);
    }

    private ReportPipeline(
            PathClassifier paths,
            Path outDir,
            boolean quiet,
            PrintWriter out,
            PrintWriter err,
            BuildExplainer explainer,
            boolean writeFiles,
            AdviceStep advice) {
        this.paths = paths;
        this.classifier = new BuildClassifier(paths);
        this.outDir = outDir;
        this.quiet = quiet;
        this.out = out;
        this.err = err;
        this.explainer = explainer;
        this.writeFiles = writeFiles;
        this.advice = advice;
    }

    /**
     * This pipeline classifying with {@code explainer} (e.g. with inference) instead of the rules
     * alone, and writing {@code files.csv} (every file's cause and reason) when {@code writeFiles}.
     */
    ReportPipeline explaining(BuildExplainer explainer, boolean writeFiles) {
        return new ReportPipeline(paths, outDir, quiet, out, err, explainer, writeFiles, advice);
    }

    /** This pipeline also advising every job (advice.csv, advice.txt, proposals), or not when {@code advice} is null. */
    ReportPipeline advising(AdviceStep advice) {
        return new ReportPipeline(paths, outDir, quiet, out, err, explainer, writeFiles, advice);
    }

    /** Runs the pipeline over {@code builds} (in the order the exports list them) and returns what it mined. */
    public Findings run(List<BuildChanges> builds) throws IOException, HarvestException {
        List<ClassifiedBuild> classified = explainer == null && !writeFiles ? classify(builds) : explain(builds);
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
        if (advice != null) {
            List<String> text = advice.run(classified, b -> outsideImages.contains(b.build()), outDir, err);
            Timing.mark("advised");
            if (!text.isEmpty()) {
                out.println();
                text.forEach(out::println);
                out.flush();
            }
        }
        if (!quiet) {
            err.println("Report written to " + outDir);
            err.flush();
        }
        return findings;
    }

    private List<ClassifiedBuild> classify(List<BuildChanges> builds) {
        List<ClassifiedBuild> classified = new ArrayList<>(builds.size());
        ProgressBar bar = new ProgressBar(err, "builds classified", ProgressBar.wanted(quiet));
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
        return classified;
    }

    /** Classifies with the explainer, streaming every file's verdict to {@code files.csv} when asked. */
    private List<ClassifiedBuild> explain(List<BuildChanges> builds) throws IOException {
        BuildExplainer by = explainer == null ? BuildExplainer.rulesOnly(paths) : explainer;
        List<ClassifiedBuild> classified = new ArrayList<>(builds.size());
        ProgressBar bar = new ProgressBar(err, "builds classified", ProgressBar.wanted(quiet));
        try (FilesCsvWriter files = writeFiles ? FilesCsvWriter.open(outDir) : null) {
            for (BuildChanges build : builds) {
                ExplainedBuild explained = explainFailing(by, build);
                classified.add(explained.build());
                if (explained.entersNoImage()) {
                    outsideImages.add(explained.build().build());
                }
                if (files != null) {
                    files.write(explained);
                }
                if ((classified.size() & 0xff) == 0) {
                    bar.update(classified.size(), builds.size());
                }
            }
            bar.update(classified.size(), builds.size());
            if (files != null) {
                files.commit();
            }
        } finally {
            bar.finish();
        }
        return classified;
    }

    private static ExplainedBuild explainFailing(BuildExplainer by, BuildChanges build) throws IOException {
        try {
            return by.explain(build);
        } catch (SnapshotException e) {
            throw new IOException(
                    "cannot read the repository for build " + build.build().job() + " #"
                            + build.build().number() + ": " + e.getMessage(),
                    e);
        }
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
