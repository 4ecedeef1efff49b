package dev.rebuildcauses.harvest.run;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import dev.rebuildcauses.harvest.changes.ChangeSource;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.jenkins.BuiltRevision;
import dev.rebuildcauses.harvest.jenkins.BuiltRevisions;
import dev.rebuildcauses.harvest.jenkins.JenkinsBuild;
import dev.rebuildcauses.harvest.model.BuildJob;
import dev.rebuildcauses.harvest.model.TriggerCause;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.harvest.store.StoredBuild;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
    private final int rangeConcurrency;
    private final LeasedJobs leases;

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
        this.rangeConcurrency = 1;
        this.leases = null;
    }

    private Harvester(Harvester base, int rangeConcurrency, LeasedJobs leases) {
        this.store = base.store;
        this.jenkins = base.jenkins;
        this.changes = base.changes;
        this.chooser = base.chooser;
        this.triggerLabel = base.triggerLabel;
        this.plan = base.plan;
        this.progress = base.progress;
        this.rangeConcurrency = rangeConcurrency;
        this.leases = leases;
    }

    /**
     * This harvester, resolving up to {@code ranges} change ranges of a batch at once. Only for a
     * change source that may be called from several threads (the Bitbucket sources); the default, 1,
     * resolves them one after the other.
     */
    public Harvester withRangeConcurrency(int ranges) {
        if (ranges < 1) {
            throw new IllegalArgumentException("range concurrency must be at least 1, was " + ranges);
        }
        return new Harvester(this, ranges, leases);
    }

    /**
     * This harvester, sharing the jobs with other harvesters of the same store: it harvests only the
     * jobs it leases, and returns once every job was finished by someone since it started.
     */
    public Harvester withLeases(LeasedJobs jobs) {
        return new Harvester(this, rangeConcurrency, jobs);
    }

    /**
     * Harvests every matching job once; stops at the first failure, keeping what was committed. A
     * build whose repository has no change source does not stop it: it is stored as such, counted, and
     * resolved by a later harvest once the repository has one.
     */
    public HarvestSummary harvest() throws HarvestException {
        List<BuildJob> jobs = jenkins.discoverJobs(plan.include(), plan.exclude());
        progress.jobsDiscovered(jobs.size());
        Counts counts = new Counts();
        try (ParallelRanges resolver = new ParallelRanges(changes, rangeConcurrency);
                BuildsAhead ahead = new BuildsAhead(jobs, rangeConcurrency > 1 && leases == null)) {
            if (leases == null) {
                for (int i = 0; i < jobs.size(); i++) {
                    harvestJob(jobs.get(i), counts, resolver, ahead.take(i));
                    counts.jobs++;
                }
            } else {
                harvestLeased(jobs, counts, resolver, ahead);
            }
        }
        return new HarvestSummary(
                counts.builds,
                counts.jobs,
                counts.ranges,
                counts.commits,
                jenkins.requestCount(),
                changes.requestCount(),
                counts.unknown,
                counts.running,
                counts.noRevision,
                counts.noChangeSource,
                counts.resolvedLater,
                counts.missingSources());
    }

    /** Harvests the jobs this harvester leases, one at a time (listing ahead would list others' jobs). */
    private void harvestLeased(List<BuildJob> jobs, Counts counts, ParallelRanges resolver, BuildsAhead ahead)
            throws HarvestException {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            index.put(jobs.get(i).fullName(), i);
        }
        leases.start(jobs.stream().map(BuildJob::fullName).toList());
        Optional<String> next;
        while ((next = leases.next()).isPresent()) {
            int i = index.get(next.get());
            harvestJob(jobs.get(i), counts, resolver, ahead.take(i));
            leases.finished(next.get());
            counts.jobs++;
        }
    }

    private void harvestJob(BuildJob job, Counts counts, ParallelRanges resolver, JobBuilds listed)
            throws HarvestException {
        String name = job.fullName();
        store.saveJob(job);
        resolveEarlier(name, counts, resolver);
        long watermark = listed.watermark();
        List<JenkinsBuild> builds = new ArrayList<>(listed.builds());
        builds.removeIf(b -> b.number() <= watermark);
        builds.sort(Comparator.comparingLong(JenkinsBuild::number));
        progress.jobStarted(name, builds.size());
        JobContext context = new JobContext(job, store.storedRanges(name, watermark));
        // plan every build in order (cheap), start asking for the job's ranges, then write batch by
        // batch with the watermark, so a kill loses at most one batch and the source is never idle
        List<PendingBuild> pending = new ArrayList<>(builds.size());
        List<Long> watermarks = new ArrayList<>(builds.size());
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
            pending.add(prepare(build, context));
            watermarks.add(newWatermark);
        }
        if (pending.isEmpty()) {
            store.save(name, List.of(), watermark);
        }
        resolver.prefetch(requests(pending));
        try {
            for (int from = 0; from < pending.size(); from += plan.batchSize()) {
                int to = Math.min(pending.size(), from + plan.batchSize());
                List<PendingBuild> chunk = pending.subList(from, to);
                Map<RangeRequest, ChangeRange> ranges = resolver.resolveAll(requests(chunk));
                List<StoredBuild> batch = new ArrayList<>(chunk.size());
                for (PendingBuild build : chunk) {
                    finish(build, ranges, context, counts).ifPresent(batch::add);
                }
                counts.commits += store.save(name, batch, watermarks.get(to - 1));
            }
        } finally {
            resolver.forget();
        }
        progress.jobFinished(name);
    }

    private static List<RangeRequest> requests(List<PendingBuild> pending) {
        return pending.stream()
                .map(PendingBuild::request)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** A build planned for writing: its revision, previous revision, repository, and the range it needs. */
    private record PendingBuild(
            JenkinsBuild build,
            boolean reused,
            String revision,
            String branch,
            String previous,
            String repository,
            ChangeRange range,
            RangeRequest request) {}

    /** Plans one build: skips what the store holds already, else finds its range or the request for it. */
    private PendingBuild prepare(JenkinsBuild build, JobContext context) throws HarvestException {
        String name = context.job.fullName();
        String mapped = plan.repositoryFor().apply(name).orElse(null);
        String chooseUrl = context.chooseUrl(build, mapped);
        Optional<BuiltRevision> chosen = chooseUrl == null && build.revisions().size() > 1
                // no URL to go by: the revision on the job's own branch (a multibranch job is named
                // after it), else the last, as a pipeline loads its libraries before its 'checkout scm'
                ? BuiltRevisions.onJobBranch(build.revisions(), name)
                        .or(() -> Optional.of(
                                build.revisions().get(build.revisions().size() - 1)))
                : chooser.choose(build.revisions(), chooseUrl, name);
        String revision = chosen.map(BuiltRevision::sha1).orElse(null);
        String branch = chosen.map(BuiltRevision::branch).orElse("");
        String previous = null;
        if (revision != null) {
            previous = context.lastRevisionByBranch.containsKey(branch)
                    ? context.lastRevisionByBranch.get(branch)
                    : store.previousRevision(name, branch, build.number()).orElse(null);
            context.lastRevisionByBranch.put(branch, revision);
        }
        BuildStore.StoredRangeKey before = context.stored.get(build.number());
        if (before != null && !build.building() && before.reusableFor(revision, previous)) {
            return new PendingBuild(build, true, revision, branch, previous, null, null, null);
        }
        String repository = repository(chosen, mapped, context);
        ChangeRange range = null;
        RangeRequest request = null;
        if (revision == null) {
            range = ChangeRange.noRevision(null, "the build recorded no git revision");
        } else if (previous == null) {
            range = ChangeRange.firstBuild(revision);
        } else if (previous.equals(revision)) {
            range = ChangeRange.noNewCommit(revision);
        } else if (repository.isEmpty()) {
            range = ChangeRange.noChangeSource(
                    previous, revision, "no repository known for job " + name + ": map it in changes.repositories");
        } else if (!changes.hasSourceFor(repository)) {
            range = ChangeRange.noChangeSource(
                    previous, revision, "no change source for " + repository + ": map it in changes.repositories");
        } else {
            request = new RangeRequest(repository, previous, revision);
        }
        return new PendingBuild(build, false, revision, branch, previous, repository, range, request);
    }

    /** The build to write, or empty when the store already holds it, finished, with the same range. */
    private Optional<StoredBuild> finish(
            PendingBuild pending, Map<RangeRequest, ChangeRange> ranges, JobContext context, Counts counts) {
        String name = context.job.fullName();
        JenkinsBuild build = pending.build();
        if (pending.reused()) {
            progress.buildHarvested(name, build.number(), false);
            return Optional.empty();
        }
        boolean requested = pending.request() != null;
        ChangeRange range = requested ? ranges.get(pending.request()) : pending.range();
        if (requested) {
            counts.ranges++;
        }
        if (range.status() == RangeStatus.UNKNOWN) {
            counts.unknown++;
        } else if (range.status() == RangeStatus.NO_REVISION) {
            counts.noRevision++;
        } else if (range.status() == RangeStatus.NO_CHANGE_SOURCE) {
            counts.noChangeSource++;
            counts.missing(pending.repository(), name);
        }
        counts.builds++;
        progress.buildHarvested(name, build.number(), requested);
        Build model = new Build(
                name,
                build.number(),
                build.startedAt(),
                build.duration(),
                build.result(),
                triggerLabel.apply(build.causes()),
                pending.revision(),
                pending.branch());
        return Optional.of(new StoredBuild(model, build.building(), pending.repository(), build.causes(), range));
    }

    /**
     * Resolves the builds an earlier harvest stored without a change source, where their repository
     * has one now (a clone was mapped since); the others are counted again as still missing.
     */
    private void resolveEarlier(String name, Counts counts, ParallelRanges resolver) throws HarvestException {
        List<BuildStore.UnresolvedBuild> stale = store.buildsWithoutChangeSource(name);
        if (stale.isEmpty()) {
            return;
        }
        String mapped = plan.repositoryFor().apply(name).orElse(null);
        Map<Long, RangeRequest> requests = new LinkedHashMap<>();
        for (BuildStore.UnresolvedBuild build : stale) {
            String repository = mapped != null ? mapped : build.repository();
            if (repository.isEmpty() || !changes.hasSourceFor(repository) || build.fromRevision() == null) {
                counts.missing(repository, name);
                continue;
            }
            requests.put(build.number(), new RangeRequest(repository, build.fromRevision(), build.revision()));
        }
        if (requests.isEmpty()) {
            return;
        }
        Map<RangeRequest, ChangeRange> ranges = resolver.resolveAll(new ArrayList<>(requests.values()));
        Map<Long, BuildStore.ResolvedLater> resolved = new LinkedHashMap<>();
        for (Map.Entry<Long, RangeRequest> entry : requests.entrySet()) {
            ChangeRange range = ranges.get(entry.getValue());
            resolved.put(
                    entry.getKey(),
                    new BuildStore.ResolvedLater(entry.getValue().repository(), range));
            counts.ranges++;
            counts.resolvedLater++;
            if (range.status() == RangeStatus.UNKNOWN) {
                counts.unknown++;
            }
        }
        counts.commits += store.saveRanges(name, resolved);
    }

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
        private final BuildJob job;
        private final Map<Long, BuildStore.StoredRangeKey> stored;
        private final Map<String, String> lastRevisionByBranch = new HashMap<>();
        private Optional<String> configuredRemoteUrl;

        JobContext(BuildJob job, Map<Long, BuildStore.StoredRangeKey> stored) {
            this.job = job;
            this.stored = stored;
        }

        /** The URL to choose a revision by; the job's config.xml is read only when it can matter. */
        String chooseUrl(JenkinsBuild build, String mapped) throws HarvestException {
            if (mapped != null && isUrl(mapped)) {
                return mapped;
            }
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

    /** A job's builds above its watermark, as Jenkins listed them. */
    private record JobBuilds(long watermark, List<JenkinsBuild> builds) {}

    /**
     * Lists the next jobs' builds on a thread of its own while the current job's ranges are resolved,
     * so Jenkins' round trips do not leave the change source idle between jobs; watermarks are read
     * on the harvesting thread. Without overlap (one range at a time) everything runs in order.
     */
    private final class BuildsAhead implements AutoCloseable {
        private static final int LOOKAHEAD = 2;
        private final List<BuildJob> jobs;
        private final ExecutorService executor;
        private final Map<Integer, Future<JobBuilds>> started = new HashMap<>();

        BuildsAhead(List<BuildJob> jobs, boolean overlap) {
            this.jobs = jobs;
            this.executor = overlap
                    ? Executors.newSingleThreadExecutor(runnable -> {
                        Thread thread = new Thread(runnable, "jenkins-builds-ahead");
                        thread.setDaemon(true);
                        return thread;
                    })
                    : null;
        }

        JobBuilds take(int index) throws HarvestException {
            if (executor == null) {
                return list(jobs.get(index), store.watermark(jobs.get(index).fullName()));
            }
            for (int next = index; next < Math.min(jobs.size(), index + 1 + LOOKAHEAD); next++) {
                if (!started.containsKey(next)) {
                    BuildJob job = jobs.get(next);
                    long watermark = store.watermark(job.fullName());
                    started.put(next, executor.submit(() -> list(job, watermark)));
                }
            }
            try {
                return started.remove(index).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HarvestException(HarvestException.FailureKind.LOCAL, "interrupted while listing builds", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof HarvestException harvest) {
                    throw harvest;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException("listing builds failed: " + e.getCause(), e.getCause());
            }
        }

        private JobBuilds list(BuildJob job, long watermark) throws HarvestException {
            return new JobBuilds(watermark, jenkins.builds(job, watermark));
        }

        @Override
        public void close() {
            if (executor != null) {
                executor.shutdownNow();
            }
        }
    }

    private static final class Counts {
        int jobs;
        int builds;
        int ranges;
        int commits;
        int unknown;
        int running;
        int noRevision;
        int noChangeSource;
        int resolvedLater;
        private final Map<String, TreeMap<String, Integer>> missing = new TreeMap<>();

        void missing(String repository, String job) {
            missing.computeIfAbsent(repository == null ? "" : repository, r -> new TreeMap<>())
                    .merge(job, 1, Integer::sum);
        }

        List<HarvestSummary.MissingSource> missingSources() {
            List<HarvestSummary.MissingSource> out = new ArrayList<>();
            missing.forEach((repository, jobs) -> out.add(new HarvestSummary.MissingSource(
                    repository,
                    List.copyOf(jobs.keySet()),
                    jobs.values().stream().mapToInt(Integer::intValue).sum())));
            return out;
        }
    }
}
