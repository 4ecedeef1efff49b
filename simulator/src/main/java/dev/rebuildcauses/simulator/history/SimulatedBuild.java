package dev.rebuildcauses.simulator.history;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One build of a simulated job.
 *
 * @param durationMillis 0 while building
 * @param result {@code null} while building
 * @param revision the built revision of the job's own repository
 * @param branch the branch as the git plugin names it ({@code origin/main}, or {@code main} in multibranch)
 * @param libraryRevision the shared library's revision for pipelines, else {@code null}
 * @param changeLog the commits Jenkins lists in the build's changelog (empty for first builds and rebuilds)
 * @param plannedCauses the causes the generator meant this build to have (for checking analyses)
 */
public record SimulatedBuild(
        long number,
        Instant startedAt,
        long durationMillis,
        String result,
        boolean building,
        List<SimulatedCause> causes,
        String revision,
        String branch,
        String libraryRevision,
        List<SimulatedCommit> changeLog,
        Set<String> plannedCauses) {
    public SimulatedBuild {
        causes = List.copyOf(causes);
        changeLog = List.copyOf(changeLog);
        plannedCauses = Set.copyOf(plannedCauses);
    }
}
