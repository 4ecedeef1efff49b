package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.report.html.ChartSet;
import dev.rebuildcauses.report.html.HtmlReportWriter;
import dev.rebuildcauses.report.html.ReportScope;
import dev.rebuildcauses.report.pipeline.DockerfileSource;
import dev.rebuildcauses.report.pipeline.ProgressSink;
import dev.rebuildcauses.report.pipeline.Report;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import dev.rebuildcauses.report.pipeline.SourceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** The command line's side of the report pipeline: progress bars and warnings on stderr, the summary and advice on stdout. */
final class ReportPrinter {
    private final boolean quiet;
    private final PrintWriter out;
    private final PrintWriter err;

    ReportPrinter(boolean quiet, PrintWriter out, PrintWriter err) {
        this.quiet = quiet;
        this.out = out;
        this.err = err;
    }

    /** The pipeline for {@code rules}, drawing its progress on stderr and printing its warnings there. */
    ReportPipeline pipeline(PathClassifier rules) {
        ProgressSink bars = unit -> {
            ProgressBar bar = new ProgressBar(err, unit, ProgressBar.wanted(quiet));
            return new ProgressSink.Progress() {
                @Override
                public void update(long done, long total) {
                    bar.update(done, total);
                }

                @Override
                public void finish() {
                    bar.finish();
                }
            };
        };
        return ReportPipeline.of(rules).observing(bars, warning -> {
            err.println("rebuild-causes: warning: " + warning);
            err.flush();
        });
    }

    /** {@code pipeline} also writing the documents {@code formats} asks for, headed by {@code scope}. */
    static ReportPipeline writing(ReportPipeline pipeline, ReportFormats formats, ReportScope scope) {
        ReportPipeline writing = pipeline;
        if (formats.html()) {
            writing = writing.writing(new HtmlReportWriter(scope, ChartSet::render));
        }
        if (formats.chartsDir() != null) {
            writing = writing.writing(ChartSet.files(formats.chartsDir()));
        }
        return writing;
    }

    /** A Dockerfile source of the harvest's kind, its failures carried through the pipeline. */
    static DockerfileSource dockerfiles(HarvestDockerfiles source) {
        return job -> {
            try {
                return source.forJob(job);
            } catch (HarvestException e) {
                throw new SourceException(e);
            }
        };
    }

    /** What the harvest side reads Dockerfile histories with. */
    @FunctionalInterface
    interface HarvestDockerfiles {
        List<DockerfileHistory> forJob(String job) throws HarvestException;
    }

    /** Runs {@code pipeline}, writes into {@code outDir}, prints the summary and the advice. */
    Report run(ReportPipeline pipeline, List<BuildChanges> builds, Path outDir) throws IOException, HarvestException {
        Report report;
        try {
            report = pipeline.run(builds, outDir);
        } catch (SourceException e) {
            if (e.getCause() instanceof HarvestException harvest) {
                throw harvest;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        }
        report.summary().forEach(out::println);
        if (!report.adviceText().isEmpty()) {
            out.println();
            report.adviceText().forEach(out::println);
        }
        out.flush();
        if (!quiet) {
            err.println("Report written to " + outDir);
            err.flush();
        }
        return report;
    }
}
