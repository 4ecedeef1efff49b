package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.harvest.model.TriggerCause;
import java.util.List;
import java.util.Objects;

/**
 * One build as the store keeps it: the build, whether it was still running, the repository its
 * revision was chosen from, its raw causes and its resolved change range.
 *
 * @param repository the repository URL or mapped clone the range was resolved against, or {@code ""}
 */
public record StoredBuild(
        Build build, boolean building, String repository, List<TriggerCause> causes, ChangeRange range) {
    public StoredBuild {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(range, "range");
        repository = repository == null ? "" : repository;
        causes = List.copyOf(causes);
    }
}
