package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import dev.rebuildcauses.analysis.advice.LayeringAdvisor;
import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.report.advice.AdviceReportWriter;
import dev.rebuildcauses.report.advice.AdviceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The advice part of a report: per job, its classified builds and its Dockerfiles' histories go
 * to the layering advisor; {@code advice.csv}, {@code advice.txt} and the proposed Dockerfiles
 * come out, and the advice text is returned for printing.
 */
final class AdviceStep {
    /** Where the Dockerfile histories of a job come from (a local clone, a mirror, or nowhere). */
    @FunctionalInterface
    interface DockerfileSource {
        /** The histories of the Dockerfiles {@code job} builds; empty when they cannot be known. */
        List<DockerfileHistory> forJob(String job) throws HarvestException;
    }

    private final DockerfileSource dockerfiles;
    private final AdvisorSettings settings;

    AdviceStep(DockerfileSource dockerfiles, AdvisorSettings settings) {
        this.dockerfiles = dockerfiles;
        this.settings = settings;
    }

    /** Advises every job of {@code builds}, writes the advice files into {@code outDir} and returns the advice text. */
    List<String> run(List<ClassifiedBuild> builds, Path outDir, PrintWriter err) throws IOException, HarvestException {
        Map<String, List<ClassifiedBuild>> byJob = new TreeMap<>();
        for (ClassifiedBuild build : builds) {
            byJob.computeIfAbsent(build.build().job(), job -> new ArrayList<>()).add(build);
        }
        List<Advice> advice = new ArrayList<>();
        for (Map.Entry<String, List<ClassifiedBuild>> job : byJob.entrySet()) {
            List<DockerfileHistory> histories = dockerfiles.forJob(job.getKey());
            for (String warning : LayeringAdvisor.unusableDockerfiles(histories)) {
                err.println("rebuild-causes: warning: " + job.getKey() + ": " + warning);
            }
            advice.addAll(LayeringAdvisor.advise(job.getKey(), job.getValue(), histories, settings));
        }
        err.flush();
        AdviceReportWriter.write(advice, outDir);
        return AdviceText.lines(advice);
    }
}
