package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.infer.RepositoryModels;
import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.git.FirstParentHistory;
import dev.rebuildcauses.harvest.git.GitDockerfileHistoryReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;

/** The histories of the Dockerfiles a clone really builds at a revision: what the advisor is given. */
final class BuiltDockerfiles {
    /** Where the histories are read at (a branch resolved to its commit). */
    @FunctionalInterface
    interface Revision {
        String resolve() throws HarvestException;
    }

    /** The histories read and the revision they were read at. */
    private record Read(String revision, List<DockerfileHistory> histories) {}

    private final FutureTask<Read> reading;
    private List<DockerfileHistory> built;

    private BuiltDockerfiles(FutureTask<Read> reading) {
        this.reading = reading;
    }

    /**
     * Starts resolving {@code revision} and reading the history of every Dockerfile of
     * {@code clone} there on a thread of its own (git follows each through the whole history), so
     * it runs while this thread classifies; {@link #built} waits for it. {@code walked}, the chain
     * walked from that revision, gives the Dockerfiles' commits where it can, and {@code texts} read
     * along it their contents (see {@link GitDockerfileHistoryReader#histories(String, FirstParentHistory, Map)}).
     */
    static BuiltDockerfiles reading(
            Path clone, Revision revision, FirstParentHistory walked, Map<String, String> texts) {
        FutureTask<Read> task = new FutureTask<>(() -> {
            String at = revision.resolve();
            return new Read(at, new GitDockerfileHistoryReader(clone).histories(at, walked, texts));
        });
        Thread reader = new Thread(task, "dockerfile-histories");
        reader.setDaemon(true);
        reader.start();
        return new BuiltDockerfiles(task);
    }

    /**
     * What {@link #of} says, from the histories read in the background: waited for and filtered once, by
     * the {@code models} of the first call (a scan has one), then the same list for every job.
     */
    List<DockerfileHistory> built(RepositoryModels models) throws HarvestException {
        if (built == null) {
            Read read = HarvestFutures.await(reading, "reading the Dockerfile histories");
            built = builtOnly(read.histories(), read.revision(), models);
        }
        return built;
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
