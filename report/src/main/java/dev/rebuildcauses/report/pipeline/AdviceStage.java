package dev.rebuildcauses.report.pipeline;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.advice.AdviceContext;
import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import dev.rebuildcauses.analysis.advice.LayeringAdvisor;
import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.dockerfile.DockerfileParser;
import dev.rebuildcauses.analysis.dockerfile.InstructionStabilityMiner;
import dev.rebuildcauses.analysis.dockerfile.StabilityTable;
import dev.rebuildcauses.analysis.model.ChangesOmitted;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.model.PickedList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
        Map<String, List<ClassifiedBuild>> byJob = byJob(builds);
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

    /**
     * The builds of each job, by name, in the given order: positions into {@code builds}, so builds made on
     * demand stay so (a scan's million builds of one job are {@code builds} itself).
     */
    private static Map<String, List<ClassifiedBuild>> byJob(List<ClassifiedBuild> builds) {
        Map<String, int[]> positions = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        List<ClassifiedBuild> omitting = ChangesOmitted.view(builds);
        for (int i = 0; i < omitting.size(); i++) {
            String job = omitting.get(i).build().job();
            int count = counts.merge(job, 1, Integer::sum);
            int[] at = positions.computeIfAbsent(job, name -> new int[16]);
            if (count > at.length) {
                at = Arrays.copyOf(at, at.length * 2);
                positions.put(job, at);
            }
            at[count - 1] = i;
        }
        Map<String, List<ClassifiedBuild>> byJob = new TreeMap<>();
        positions.forEach((job, at) -> byJob.put(job, PickedList.of(builds, at, counts.get(job))));
        return byJob;
    }

    /** Stability judged as the advisor judges it: at the job's last build unless the settings say when. */
    private JobDockerfiles describe(String job, List<ClassifiedBuild> builds, List<DockerfileHistory> histories) {
        Instant lastBuild = null;
        List<ClassifiedBuild> omitting = ChangesOmitted.view(builds);
        for (int i = 0; i < omitting.size(); i++) {
            Instant started = omitting.get(i).build().startedAt();
            lastBuild = lastBuild == null || started.isAfter(lastBuild) ? started : lastBuild;
        }
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
