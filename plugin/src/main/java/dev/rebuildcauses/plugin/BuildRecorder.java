package dev.rebuildcauses.plugin;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.harvest.changes.ChangeSource;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.jenkins.BuildJson;
import dev.rebuildcauses.harvest.jenkins.BuiltRevision;
import dev.rebuildcauses.harvest.jenkins.JenkinsBuild;
import dev.rebuildcauses.harvest.jenkins.TriggerLabels;
import dev.rebuildcauses.harvest.store.StoredBuild;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a finished build into a stored one: its revision (from the build's environment, else from its
 * remote-API data read by the harvester's parser), its range from the previous build of the same job
 * and branch, and the range's commits from the change source, or from the server's own change set when
 * no change source is configured (empty commits are then invisible).
 */
public final class BuildRecorder {
    private final PluginStore store;
    private final Optional<ChangeSource> changes;

    /** @param changes the configured change source, or empty to use the server's change sets */
    public BuildRecorder(PluginStore store, Optional<ChangeSource> changes) {
        this.store = store;
        this.changes = changes;
    }

    /**
     * Stores {@code finished}.
     *
     * @throws HarvestException when the change source fails; the build stays pending and is tried again
     */
    public StoredBuild record(FinishedBuild finished) throws HarvestException {
        JenkinsBuild exported =
                finished.buildJson().isEmpty() ? null : BuildJson.parse(finished.job(), finished.buildJson());
        Optional<BuiltRevision> fromApi = exported == null
                ? Optional.empty()
                : exported.revisions().stream().findFirst();
        Build build = build(finished, fromApi);
        String repository = finished.gitUrl().isEmpty()
                ? fromApi.flatMap(r -> r.remoteUrls().stream().findFirst()).orElse("")
                : finished.gitUrl();
        ChangeRange range = range(finished, build.revision(), build.branch(), repository);
        return save(new StoredBuild(build, false, repository, finished.causes(), range));
    }

    /** Stores {@code finished} with a range decided by the caller (a build whose data could not be read). */
    public StoredBuild recordWithRange(FinishedBuild finished, ChangeRange range) throws HarvestException {
        Build build = build(finished, Optional.empty());
        return save(new StoredBuild(build, false, finished.gitUrl(), finished.causes(), range));
    }

    private StoredBuild save(StoredBuild stored) throws HarvestException {
        store.save(stored);
        return stored;
    }

    private static Build build(FinishedBuild finished, Optional<BuiltRevision> fromApi) {
        String revision = finished.gitCommit().isEmpty()
                ? fromApi.map(BuiltRevision::sha1).orElse(null)
                : finished.gitCommit();
        String branch = finished.gitBranch().isEmpty()
                ? fromApi.map(BuiltRevision::branch).orElse("")
                : finished.gitBranch();
        return new Build(
                finished.job(),
                finished.number(),
                Instant.ofEpochMilli(finished.startedMillis()),
                Duration.ofMillis(finished.durationMillis()),
                finished.result(),
                TriggerLabels.label(finished.causes()),
                revision,
                branch);
    }

    private ChangeRange range(FinishedBuild finished, String revision, String branch, String repository)
            throws HarvestException {
        if (revision == null) {
            return ChangeRange.unknown(null, null, "the build recorded no git revision");
        }
        Optional<String> previous = store.previousRevision(finished.job(), branch, finished.number());
        if (previous.isEmpty()) {
            return ChangeRange.firstBuild(revision);
        }
        if (previous.get().equals(revision)) {
            return ChangeRange.noNewCommit(revision);
        }
        if (changes.isPresent()) {
            if (repository.isEmpty()) {
                return ChangeRange.unknown(previous.get(), revision, "no repository URL known for " + finished.job());
            }
            return changes.get().resolve(repository, previous.get(), revision);
        }
        return fromServerChangeSet(finished, previous.get(), revision);
    }

    private static ChangeRange fromServerChangeSet(FinishedBuild finished, String previous, String revision)
            throws HarvestException {
        if (finished.buildJson().isEmpty()) {
            return ChangeRange.unknown(previous, revision, "the server's change set of the build could not be read");
        }
        List<Commit> commits = new ArrayList<>();
        Set<FileChange> files = new LinkedHashSet<>();
        for (BuildJson.ServerCommit commit : BuildJson.changeSet(finished.job(), finished.buildJson())) {
            commits.add(commit.commit());
            files.addAll(commit.files());
        }
        if (commits.isEmpty()) {
            // the revision moved but the server listed no commit: servers leave empty commits out of
            // change sets, so the range held only empty ones (one stands for them all)
            commits.add(new Commit(revision, List.of(), "", null, "", 0));
        }
        return ChangeRange.resolved(previous, revision, commits, List.copyOf(files));
    }
}
