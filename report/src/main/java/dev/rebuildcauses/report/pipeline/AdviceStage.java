package dev.rebuildcauses.report.pipeline;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.advice.AdviceContext;
import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import dev.rebuildcauses.analysis.advice.LayeringAdvisor;
import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.dockerfile.DockerfileParser;
import dev.rebuildcauses.analysis.dockerfile.InstructionStabilityMiner;
import dev.rebuildcauses.analysis.dockerfile.StabilityTable;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The advice part of a report: per job, its classified builds and its Dockerfiles' histories go to the
 * layering advisor; the advice comes out with, per job, the stability of each Dockerfile it rests on.
 */
final class AdviceStage {
    private final DockerfileSource dockerfiles;
    private final AdvisorSettings settings;
    private final String triggerInPlace;
    private final int skippedByTrigger;

    AdviceStage(DockerfileSource dockerfiles, AdvisorSettings settings) {
        this(dockerfiles, settings, "", 0);
    }

    private AdviceStage(DockerfileSource dockerfiles, AdvisorSettings settings, String triggerInPlace, int skipped) {
        this.dockerfiles = dockerfiles;
        this.settings = settings;
        this.triggerInPlace = triggerInPlace;
        this.skippedByTrigger = skipped;
    }

    /** This stage crediting the CI path filters in place, which skipped {@code skipped} pushes. */
    AdviceStage crediting(String triggerInPlace, int skipped) {
        return new AdviceStage(dockerfiles, settings, triggerInPlace, skipped);
    }

    /** What is in place already, for the head of advice.txt: the CI path filter and the pushes it skips. */
    List<String> inPlace() {
        return skippedByTrigger == 0
                ? List.of()
                : List.of(String.format(
                        java.util.Locale.ROOT,
                        "Already in place: %s skips %d pushes; they are not counted as builds.",
                        triggerInPlace,
                        skippedByTrigger));
    }

    AdvisorSettings settings() {
        return settings;
    }

    /** The advice of every job, and what each job's Dockerfiles look like. */
    record Outcome(List<Advice> advice, List<JobDockerfiles> dockerfiles) {}

    Outcome run(List<ClassifiedBuild> builds, Predicate<ClassifiedBuild> entersNoImage, Consumer<String> warnings)
            throws SourceException {
        Map<String, List<ClassifiedBuild>> byJob = new TreeMap<>();
        for (ClassifiedBuild build : builds) {
            byJob.computeIfAbsent(build.build().job(), job -> new ArrayList<>()).add(build);
        }
        List<Advice> advice = new ArrayList<>();
        List<JobDockerfiles> files = new ArrayList<>();
        for (Map.Entry<String, List<ClassifiedBuild>> job : byJob.entrySet()) {
            List<DockerfileHistory> histories = dockerfiles.forJob(job.getKey());
            for (String warning : LayeringAdvisor.unusableDockerfiles(histories)) {
                warnings.accept(job.getKey() + ": " + warning);
            }
            advice.addAll(LayeringAdvisor.advise(
                    job.getKey(),
                    job.getValue(),
                    histories,
                    settings,
                    new AdviceContext(entersNoImage, triggerInPlace, skippedByTrigger)));
            if (!histories.isEmpty()) {
                files.add(describe(job.getKey(), job.getValue(), histories));
            }
        }
        return new Outcome(advice, files);
    }

    /** Stability judged as the advisor judges it: at the job's last build unless the settings say when. */
    private JobDockerfiles describe(String job, List<ClassifiedBuild> builds, List<DockerfileHistory> histories) {
        Instant lastBuild = builds.stream()
                .map(b -> b.build().startedAt())
                .max(Instant::compareTo)
                .orElse(null);
        List<StabilityTable> tables = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        for (DockerfileHistory history : histories) {
            current.put(history.path(), history.current().content());
            if (!DockerfileParser.parse(history.current().content()).isClean()) {
                continue;
            }
            Instant asOf = settings.asOf() != null
                    ? settings.asOf()
                    : lastBuild != null ? lastBuild : history.current().time();
            tables.add(InstructionStabilityMiner.mine(history, asOf, settings.stableFor()));
        }
        return new JobDockerfiles(job, tables, current);
    }
}
