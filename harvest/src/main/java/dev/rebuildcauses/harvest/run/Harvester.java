package dev.rebuildcauses.harvest.run;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import dev.rebuildcauses.harvest.changes.ChangeSource;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.jenkins.BuiltRevision;
import dev.rebuildcauses.harvest.jenkins.JenkinsBuild;
import dev.rebuildcauses.harvest.jenkins.JenkinsJob;
import dev.rebuildcauses.harvest.jenkins.TriggerCause;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.harvest.store.StoredBuild;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Brings every matching job's new builds into the store: for each build the revision it built,
 * its range from the previous build of the same job and branch, and the range's commits. Builds
 * are written in small transactions together with the job's watermark, which moves only past
 * finished builds, so a killed harvest resumes where it stopped and a running build is collected
 * again once it has finished.
 */
public final class Harvester {
    private final BuildStore store;
    private final JenkinsSource jenkins;
    private final ChangeSource changes;
    private final RevisionChooser chooser;
    private final Function<List<TriggerCause>, String> triggerLabel;
    private final HarvestPlan plan;
    private final HarvestProgress progress;

    public Harvester(
            BuildStore store,
            JenkinsSource jenkins,
            ChangeSource changes,
            RevisionChooser chooser,
            Function<List<TriggerCause>, String> triggerLabel,
            HarvestPlan plan,
            HarvestProgress progress) {
        this.store = store;
        this.jenkins = jenkins;
        this.changes = changes;
        this.chooser = chooser;
        this.triggerLabel = triggerLabel;
        this.plan = plan;
        this.progress = progress;
    }

    /** Harvests every matching job once; stops at the first failure, keeping what was committed. */
    public HarvestSummary harvest() throws HarvestException {
        List<JenkinsJob> jobs = jenkins.discoverJobs(plan.include(), plan.exclude());
        progress.jobsDiscovered(jobs.size());
        Counts counts = new Counts();
        ExecutorService ranges = plan.rangeThreads() > 1
                ? Executors.newFixedThreadPool(plan.rangeThreads(), runnable -> {
                    Thread thread = new Thread(runnable, "rebuild-causes-range");
                    thread.setDaemon(true);
                    return thread;
                })
                : null;
        try {
            for (JenkinsJob job : jobs) {
                harvestJob(job, counts, ranges);
            }
        } finally {
            if (ranges != null) {
                ranges.shutdownNow();
            }
        }
        return new HarvestSummary(
                counts.builds,
                jobs.size(),
                counts.ranges,
                counts.commits,
                jenkins.requestCount(),
                changes.requestCount(),
                counts.unknown,
                counts.running);
    }

    private void harvestJob(JenkinsJob job, Counts counts, ExecutorService ranges) throws HarvestException {
        String name = job.fullName();
        store.saveJob(job);
        long watermark = store.watermark(name);
        List<JenkinsBuild> builds = new ArrayList<>(jenkins.builds(job, watermark));
        builds.removeIf(b -> b.number() <= watermark);
        builds.sort(Comparator.comparingLong(JenkinsBuild::number));
        progress.jobStarted(name, builds.size());
        JobContext context = new JobContext(job, store.storedRanges(name, watermark));
        // first every build's revisions (cheap, in order), then the ranges of each batch at once
        List<Pending> pending = new ArrayList<>(builds.size());
        long newWatermark = watermark;
        boolean finishedSoFar = true;
        for (JenkinsBuild build : builds) {
            finishedSoFar &= !build.building();
            if (finishedSoFar) {
                newWatermark = build.number();
            }
            if (build.building()) {
                counts.running++;
            }
            pending.add(plan(build, context, newWatermark));
        }
        for (int from = 0; from < pending.size(); from += plan.batchSize()) {
            List<Pending> chunk = pending.subList(from, Math.min(pending.size(), from + plan.batchSize()));
            List<StoredBuild> batch = resolveBatch(name, chunk, counts, ranges);
            counts.commits +=
                    store.save(name, batch, chunk.get(chunk.size() - 1).watermark());
        }
        if (pending.isEmpty()) {
            store.save(name, List.of(), newWatermark);
        }
        progress.jobFinished(name);
    }

    /** Resolves the ranges a batch needs (in parallel when a pool is given) and returns its builds in order. */
    private List<StoredBuild> resolveBatch(String name, List<Pending> chunk, Counts counts, ExecutorService ranges)
            throws HarvestException {
        List<Future<ChangeRange>> futures = new ArrayList<>(chunk.size());
        for (Pending p : chunk) {
            futures.add(
                    p.needsRange() && ranges != null
                            ? ranges.submit(() -> changes.resolve(p.repository(), p.previous(), p.revision()))
                            : null);
        }
        List<StoredBuild> batch = new ArrayList<>(chunk.size());
        try {
            for (int i = 0; i < chunk.size(); i++) {
                Pending p = chunk.get(i);
                if (p.reused()) {
                    progress.buildHarvested(name, p.build().number(), false);
                    continue;
                }
                ChangeRange range = p.range();
                if (p.needsRange()) {
                    range = futures.get(i) == null
                            ? changes.resolve(p.repository(), p.previous(), p.revision())
                            : await(futures.get(i));
                    counts.ranges++;
                }
                if (range.status() == RangeStatus.UNKNOWN) {
                    counts.unknown++;
                }
                counts.builds++;
                progress.buildHarvested(name, p.build().number(), p.needsRange());
                batch.add(new StoredBuild(
                        p.model(),
                        p.build().building(),
                        p.repository(),
                        p.build().causes(),
                        range));
            }
        } finally {
            futures.stream().filter(f -> f != null && !f.isDone()).forEach(f -> f.cancel(true));
        }
        return batch;
    }

    private static ChangeRange await(Future<ChangeRange> future) throws HarvestException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException(HarvestException.FailureKind.LOCAL, "harvest interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HarvestException harvest) {
                throw harvest;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What to do with one build: its revision, previous revision, and its range or the range to ask for. */
    private Pending plan(JenkinsBuild build, JobContext context, long watermark) throws HarvestException {
        String name = context.job.fullName();
        String mapped = plan.repositoryFor().apply(name).orElse(null);
        String chooseUrl = context.chooseUrl(build, mapped);
        Optional<BuiltRevision> chosen = chooseUrl == null && build.revisions().size() > 1
                // no URL to go by: a pipeline loads its libraries before its own 'checkout scm' runs
                ? Optional.of(build.revisions().get(build.revisions().size() - 1))
                : chooser.choose(build.revisions(), chooseUrl);
        String revision = chosen.map(BuiltRevision::sha1).orElse(null);
        String branch = chosen.map(BuiltRevision::branch).orElse("");
        String previous = null;
        if (revision != null) {
            previous = context.lastRevisionByBranch.containsKey(branch)
                    ? context.lastRevisionByBranch.get(branch)
                    : store.previousRevision(name, branch, build.number()).orElse(null);
            context.lastRevisionByBranch.put(branch, revision);
        }
        Build model = new Build(
                name,
                build.number(),
                build.startedAt(),
                build.duration(),
                build.result(),
                triggerLabel.apply(build.causes()),
                revision,
                branch);
        BuildStore.StoredRangeKey before = context.stored.get(build.number());
        if (before != null && !build.building() && before.reusableFor(revision, previous)) {
            return new Pending(build, model, "", previous, revision, null, true, false, watermark);
        }
        String repository = repository(chosen, mapped, context);
        ChangeRange range = null;
        if (revision == null) {
            range = ChangeRange.unknown(null, null, "the build recorded no git revision");
        } else if (previous == null) {
            range = ChangeRange.firstBuild(revision);
        } else if (previous.equals(revision)) {
            range = ChangeRange.noNewCommit(revision);
        } else if (repository.isEmpty()) {
            range = ChangeRange.unknown(
                    previous, revision, "no repository known for job " + name + ": map it in changes.repositories");
        }
        return new Pending(build, model, repository, previous, revision, range, false, range == null, watermark);
    }

    /**
     * One build between planning and writing.
     *
     * @param range the range when known without asking the source, else {@code null}
     * @param reused the store holds this build, finished, with the same range: nothing to write
     * @param needsRange the range must be asked of the change source
     * @param watermark the job's watermark once this build is written
     */
    private record Pending(
            JenkinsBuild build,
            Build model,
            String repository,
            String previous,
            String revision,
            ChangeRange range,
            boolean reused,
            boolean needsRange,
            long watermark) {}

    private String repository(Optional<BuiltRevision> chosen, String mapped, JobContext context)
            throws HarvestException {
        if (mapped != null) {
            return mapped;
        }
        if (chosen.isPresent() && !chosen.get().remoteUrls().isEmpty()) {
            return chosen.get().remoteUrls().get(0);
        }
        return context.configuredRemoteUrl().orElse("");
    }

    /** What the harvest of one job remembers between its builds. */
    private final class JobContext {
        private final JenkinsJob job;
        private final Map<Long, BuildStore.StoredRangeKey> stored;
        private final Map<String, String> lastRevisionByBranch = new HashMap<>();
        private Optional<String> configuredRemoteUrl;

        JobContext(JenkinsJob job, Map<Long, BuildStore.StoredRangeKey> stored) {
            this.job = job;
            this.stored = stored;
        }

        /** The URL to choose a revision by; the job's config.xml is read only when it can matter. */
        String chooseUrl(JenkinsBuild build, String mapped) throws HarvestException {
            if (mapped != null && isUrl(mapped)) {
                return mapped;
            }
            // several checkouts (shared libraries, a Jenkinsfile from elsewhere): the job's config.xml
            // names its own repository where it has one (freestyle, pipeline from SCM, Hudson)
            if (build.revisions().size() > 1) {
                return configuredRemoteUrl().orElse(null);
            }
            return null;
        }

        Optional<String> configuredRemoteUrl() throws HarvestException {
            if (configuredRemoteUrl == null) {
                configuredRemoteUrl = jenkins.configuredRemoteUrl(job);
            }
            return configuredRemoteUrl;
        }
    }

    private static boolean isUrl(String location) {
        return location.contains("://") || location.matches("^[^/\\s]+@[^/\\s:]+:.*");
    }

    private static final class Counts {
        int builds;
        int ranges;
        int commits;
        int unknown;
        int running;
    }
}
