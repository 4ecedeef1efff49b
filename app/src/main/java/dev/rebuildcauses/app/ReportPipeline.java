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
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        Findings findings = FindingsMiner.mine(classified);
        List<String> summary = SummaryWriter.sentences(findings);
        try {
            new CsvReportWriter(outDir).write(classified, findings, summary);
        } catch (IOException e) {
            throw new IOException("cannot write the report to " + outDir + ": " + e, e);
        }
        summary.forEach(out::println);
        out.flush();
        if (!quiet) {
            err.println("Report written to " + outDir);
            err.flush();
        }
        return findings;
    }
}
