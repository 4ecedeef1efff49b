package dev.rebuildcauses.report.pipeline;

import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import java.util.List;

/** Where the Dockerfile histories of a job come from (a local clone, a mirror, or nowhere). */
@FunctionalInterface
public interface DockerfileSource {
    /** No job has Dockerfiles to read. */
    DockerfileSource NONE = job -> List.of();

    /** The histories of the Dockerfiles {@code job} builds; empty when they cannot be known. */
    List<DockerfileHistory> forJob(String job) throws SourceException;
}
