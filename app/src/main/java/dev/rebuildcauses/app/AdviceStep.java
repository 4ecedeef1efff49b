package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.advice.AdviceContext;
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
import java.util.function.Predicate;

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
    private final String triggerInPlace;
    private final int skippedByTrigger;

    AdviceStep(DockerfileSource dockerfiles, AdvisorSettings settings) {
        this(dockerfiles, settings, "", 0);
    }

    private AdviceStep(DockerfileSource dockerfiles, AdvisorSettings settings, String triggerInPlace, int skipped) {
        this.dockerfiles = dockerfiles;
        this.settings = settings;
        this.triggerInPlace = triggerInPlace;
        this.skippedByTrigger = skipped;
    }

    /** This step crediting the CI path filters in place, which skipped {@code skipped} pushes. */
    AdviceStep crediting(String triggerInPlace, int skipped) {
        return new AdviceStep(dockerfiles, settings, triggerInPlace, skipped);
    }

    /** Advises every job of {@code builds}, writes the advice files into {@code outDir} and returns the advice text. */
    List<String> run(
            List<ClassifiedBuild> builds, Predicate<ClassifiedBuild> entersNoImage, Path outDir, PrintWriter err)
            throws IOException, HarvestException {
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
            advice.addAll(LayeringAdvisor.advise(
                    job.getKey(),
                    job.getValue(),
                    histories,
                    settings,
                    new AdviceContext(entersNoImage, triggerInPlace, skippedByTrigger)));
        }
        err.flush();
        List<String> inPlace = skippedByTrigger == 0
                ? List.of()
                : List.of(String.format(
                        java.util.Locale.ROOT,
                        "Already in place: %s skips %d pushes; they are not counted as builds.",
                        triggerInPlace,
                        skippedByTrigger));
        AdviceReportWriter.write(advice, inPlace, outDir);
        return AdviceText.lines(advice, inPlace);
    }
}
