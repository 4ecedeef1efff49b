package dev.rebuildcauses.harvest.jenkins;

import dev.rebuildcauses.harvest.model.TriggerCause;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A build as the Jenkins API describes it, before it is joined to its change range.
 *
 * @param duration {@code null} while building
 * @param result {@code ""} while building
 * @param changeSetCommitIds commit ids of the build's changelog (freestyle {@code changeSet} or
 *     pipeline {@code changeSets}); informative only, the range comes from the revisions
 */
public record JenkinsBuild(
        String job,
        long number,
        Instant startedAt,
        Duration duration,
        String result,
        boolean building,
        List<TriggerCause> causes,
        List<BuiltRevision> revisions,
        List<String> changeSetCommitIds) {
    public JenkinsBuild {
        causes = List.copyOf(causes);
        revisions = List.copyOf(revisions);
        changeSetCommitIds = List.copyOf(changeSetCommitIds);
    }
}
