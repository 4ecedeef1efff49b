package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.infer.RepositoryModels;
import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.git.GitDockerfileHistoryReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The histories of the Dockerfiles a clone really builds at a revision: what the advisor is given. */
final class BuiltDockerfiles {
    private BuiltDockerfiles() {}

    /**
     * Every Dockerfile of {@code clone} at {@code revision} with its history; with {@code models}
     * (inference) only those the repository builds, not examples or docs.
     */
    static List<DockerfileHistory> of(Path clone, String revision, RepositoryModels models) throws HarvestException {
        List<DockerfileHistory> built = new ArrayList<>();
        for (DockerfileHistory history : new GitDockerfileHistoryReader(clone).histories(revision)) {
            if (models == null || isBuilt(models, revision, history.path())) {
                built.add(history);
            }
        }
        return built;
    }

    private static boolean isBuilt(RepositoryModels models, String revision, String dockerfile) {
        try {
            return models.at(revision).isBuiltDockerfile(dockerfile);
        } catch (SnapshotException e) {
            return true; // cannot tell: advise on it rather than hide it
        }
    }
}
