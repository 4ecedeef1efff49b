package dev.rebuildcauses.service;

import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.report.pipeline.DockerfileSource;
import dev.rebuildcauses.report.pipeline.Report;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import dev.rebuildcauses.report.pipeline.SourceException;
import java.io.IOException;
import java.util.List;

/**
 * How an export turns the builds it selected into a report. A host with local clones of the jobs'
 * repositories (the command line, the dashboard) analyses them as {@code report} does, with inference
 * and Dockerfile advice, so an export's numbers equal the pages' and the report's; a host without
 * (the plugin) classifies by the rules alone.
 */
@FunctionalInterface
public interface ExportAnalysis {
    /**
     * @param builds the builds the export selected, in the store's order
     * @param advice whether the export writes advice (otherwise the advisor need not run)
     */
    Report analyse(List<BuildChanges> builds, boolean advice) throws IOException, SourceException;

    /** Classified by {@code rules} alone; advised from the builds alone (no Dockerfile to read). */
    static ExportAnalysis rulesOnly(PathClassifier rules) {
        return (builds, advice) -> {
            ReportPipeline pipeline = ReportPipeline.of(rules);
            if (advice) {
                pipeline = pipeline.advising(DockerfileSource.NONE, AdvisorSettings.defaults());
            }
            return pipeline.analyse(builds);
        };
    }
}
