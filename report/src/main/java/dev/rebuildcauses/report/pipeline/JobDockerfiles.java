package dev.rebuildcauses.report.pipeline;

import dev.rebuildcauses.analysis.dockerfile.StabilityTable;
import java.util.List;
import java.util.Map;

/**
 * The Dockerfiles one job builds, as the advisor judged them.
 *
 * @param job the job
 * @param stability one instruction-stability table per Dockerfile the parser could read
 * @param current each Dockerfile's path to its content at the job's latest build
 */
public record JobDockerfiles(String job, List<StabilityTable> stability, Map<String, String> current) {
    public JobDockerfiles {
        stability = List.copyOf(stability);
        current = Map.copyOf(current);
    }
}
