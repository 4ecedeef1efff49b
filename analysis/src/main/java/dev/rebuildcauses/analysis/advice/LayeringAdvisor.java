package dev.rebuildcauses.analysis.advice;

import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The layering advisor: from one job's classified builds and its Dockerfiles' histories, the
 * advice ranked by {@link AdviceRanking}: by build hours saved a month with durations, else by builds avoided.
 * Savings of different advice overlap; they are not meant to be added up.
 */
public final class LayeringAdvisor {
    private LayeringAdvisor() {}

    public static List<Advice> advise(
            String job, List<ClassifiedBuild> builds, List<DockerfileHistory> dockerfiles, AdvisorSettings settings) {
        return advise(job, builds, dockerfiles, settings, AdviceContext.none());
    }

    /**
     * Like {@link #advise(String, List, List, AdvisorSettings)}, knowing which builds changed only
     * files that enter no image (advice to skip them, not to ship their code separately) and which
     * path filters are in place already (credited, not advised again).
     */
    public static List<Advice> advise(
            String job,
            List<ClassifiedBuild> builds,
            List<DockerfileHistory> dockerfiles,
            AdvisorSettings settings,
            AdviceContext context) {
        BuildCosts costs = new BuildCosts(builds);
        FastPathEstimate fastPath = FastPathEstimate.of(costs, settings.fastPathCostFraction());
        List<Advice> advice = new ArrayList<>(new BuildAdvisor(job, costs, fastPath, settings, context).advise());
        Instant lastBuild = costs.lastStarted();
        DockerfileAdvisor files = new DockerfileAdvisor(job, costs, settings, dockerfiles.size() > 1);
        for (DockerfileHistory history : dockerfiles) {
            advice.addAll(files.advise(history, lastBuild));
        }
        advice.sort(AdviceRanking.order(AdviceRanking.measureOf(advice)));
        return List.copyOf(advice);
    }

    /** For each Dockerfile the parser could not make sense of, why it gave no Dockerfile advice (path:line: warning). */
    public static List<String> unusableDockerfiles(List<DockerfileHistory> dockerfiles) {
        return dockerfiles.stream()
                .flatMap(history -> DockerfileAdvisor.unusable(history).stream())
                .toList();
    }
}
