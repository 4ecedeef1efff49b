package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.infer.RepositoryModels;
import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.git.GitDockerfileHistoryReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** The histories of the Dockerfiles a clone really builds at a revision: what the advisor is given. */
final class BuiltDockerfiles {
    private final String revision;
    private final FutureTask<List<DockerfileHistory>> reading;

    private BuiltDockerfiles(String revision, FutureTask<List<DockerfileHistory>> reading) {
        this.revision = revision;
        this.reading = reading;
    }

    /**
     * Starts reading the history of every Dockerfile of {@code clone} at {@code revision} on a
     * thread of its own (git follows each through the whole history), so it runs while this
     * thread classifies; {@link #built} waits for it.
     */
    static BuiltDockerfiles reading(Path clone, String revision) {
        FutureTask<List<DockerfileHistory>> task =
                new FutureTask<>(() -> new GitDockerfileHistoryReader(clone).histories(revision));
        Thread reader = new Thread(task, "dockerfile-histories");
        reader.setDaemon(true);
        reader.start();
        return new BuiltDockerfiles(revision, task);
    }

    /** What {@link #of} says, from the histories read in the background. */
    List<DockerfileHistory> built(RepositoryModels models) throws HarvestException {
        List<DockerfileHistory> histories;
        try {
            histories = reading.get();
        } catch (InterruptedException e) {
            reading.cancel(true);
            Thread.currentThread().interrupt();
            throw new HarvestException(
                    HarvestException.FailureKind.LOCAL, "interrupted while reading the Dockerfile histories");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HarvestException harvest) {
                throw harvest;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        return builtOnly(histories, revision, models);
    }

    /**
     * Every Dockerfile of {@code clone} at {@code revision} with its history; with {@code models}
     * (inference) only those the repository builds, not examples or docs.
     */
    static List<DockerfileHistory> of(Path clone, String revision, RepositoryModels models) throws HarvestException {
        return builtOnly(new GitDockerfileHistoryReader(clone).histories(revision), revision, models);
    }

    private static List<DockerfileHistory> builtOnly(
            List<DockerfileHistory> histories, String revision, RepositoryModels models) {
        List<DockerfileHistory> built = new ArrayList<>();
        for (DockerfileHistory history : histories) {
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
