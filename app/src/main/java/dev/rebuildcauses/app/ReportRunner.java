package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.classify.RulesFormatException;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.config.ConfigException;
import dev.rebuildcauses.harvest.config.ConfigLoader;
import dev.rebuildcauses.harvest.config.HarvestConfig;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.report.html.ReportScope;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import dev.rebuildcauses.report.pipeline.Timing;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Wires {@code report}: builds from the store through the same pipeline as {@code scan}. */
final class ReportRunner {
    private final PrintWriter out;
    private final PrintWriter err;

    ReportRunner(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** The heading of the report: the job glob or every job, and the time window. */
    static ReportScope scope(ReportConfig report) {
        String title = report.jobGlob() == null ? "all jobs" : report.jobGlob();
        StringBuilder filter = new StringBuilder();
        if (report.jobGlob() != null) {
            filter.append("jobs matching ").append(report.jobGlob());
        }
        if (report.since() != null) {
            filter.append(filter.length() == 0 ? "" : ", ").append("since ").append(report.since());
        }
        if (report.until() != null) {
            filter.append(filter.length() == 0 ? "" : ", ").append("before ").append(report.until());
        }
        return ReportScope.of(title, filter.toString());
    }

    Findings run(ReportConfig report)
            throws ConfigException, HarvestException, RulesFormatException, CommandFailure, IOException {
        HarvestConfig config = new ConfigLoader().load(report.configFile());
        Path rulesFile = report.rulesFile() != null
                ? report.rulesFile()
                : config.rulesFile().orElse(null);
        PathClassifier rules = RulesFiles.load(rulesFile);
        List<BuildChanges> builds;
        Map<String, Path> mirrors = Map.of();
        try (BuildStore store = BuildStore.openExisting(config.store())) {
            builds = store.loadBuildChanges(new BuildFilter(report.since(), report.until(), report.jobGlob()));
            Timing.mark("builds read");
            if (config.changes().mirror()) {
                mirrors = LocalClones.mirrorsOf(store.jobRepositories(), HarvestRunner.mirrorFolder(config));
            }
        }
        if (builds.isEmpty() && !report.quiet()) {
            err.println("The store holds no finished build that matches; run 'rebuild-causes harvest' first or widen "
                    + "--since/--until/--job.");
            err.flush();
        }
        try (LocalClones clones = new LocalClones(config.changes(), mirrors)) {
            ReportPrinter printer = new ReportPrinter(report.quiet(), out, err);
            ReportPipeline pipeline = ReportPrinter.writing(printer.pipeline(rules), report.formats(), scope(report));
            // file-by-file verdicts only where they are written or a clone can refine them
            if (report.explain() || clones.coverAny(builds)) {
                pipeline = pipeline.explaining(clones.explainer(rules), report.explain());
            }
            if (report.advisor() != null) {
                pipeline = pipeline.advising(
                        ReportPrinter.dockerfiles(clones.dockerfiles(LocalClones.latestRevisions(builds))),
                        report.advisor());
            }
            return printer.run(pipeline, builds, report.outDir()).findings();
        }
    }
}
