package dev.rebuildcauses.simulator.history;

import dev.rebuildcauses.analysis.model.Causes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Builds a {@link SimulatedHistory}: the item tree, then each job's builds and commits in time order. */
final class HistoryGenerator {
    private static final String LIBRARY = "CI/jenkins-shared-lib";

    /** One image job to generate: where it sits, what it is, how busy and how slow. */
    private record JobSpec(
            String fullName,
            JobKind kind,
            String repo,
            String flavor,
            String mainBranch,
            double weight,
            int baseMinutes) {}

    private static final List<JobSpec> JOBS = List.of(
            new JobSpec("images/base-python", JobKind.FREESTYLE, "IMG/base-python", "python", "main", 1.5, 12),
            new JobSpec("images/base-r", JobKind.FREESTYLE, "IMG/base-r", "r", "master", 0.6, 25),
            new JobSpec("images/ml/torch", JobKind.PIPELINE, "ML/torch-image", "python", "main", 1.2, 45),
            new JobSpec("images/ml/tensorflow", JobKind.PIPELINE, "ML/tensorflow-image", "python", "main", 0.8, 50),
            new JobSpec("images/ml/jupyter", JobKind.PIPELINE, "ML/jupyter", "python", "main", 0.7, 20),
            new JobSpec("images/tools/ci-runner", JobKind.FREESTYLE, "OPS/ci-runner", "go", "main", 0.4, 15),
            new JobSpec("teams/data/etl", JobKind.PIPELINE, "DATA/etl", "python", "main", 1.4, 8),
            new JobSpec(
                    "teams/data/warehouse-loader",
                    JobKind.FREESTYLE,
                    "DATA/warehouse-loader",
                    "python",
                    "main",
                    0.6,
                    6),
            new JobSpec("teams/data/airflow-dags", JobKind.PIPELINE, "DATA/airflow-dags", "python", "main", 1.0, 5),
            new JobSpec("teams/web/api-gateway", JobKind.PIPELINE, "WEB/api-gateway", "go", "main", 1.1, 4),
            new JobSpec("teams/web/frontend", JobKind.FREESTYLE, "WEB/frontend", "node", "main", 0.9, 7),
            new JobSpec("services/webapp/main", JobKind.PIPELINE, "SVC/webapp", "python", "main", 1.0, 10),
            new JobSpec("acme/model-server/main", JobKind.PIPELINE, "ACME/model-server", "python", "main", 0.8, 30));

    private static final String FEATURE_JOB = "services/webapp/feature%2Fx";
    private static final double FEATURE_WEIGHT = 0.3;

    private final long seed;
    private final int targetBuilds;
    private final Instant start;
    private final Random random;
    private final Map<String, SimulatedRepository> repositories = new LinkedHashMap<>();
    private final Map<String, SimulatedJob> items = new HashMap<>();
    private final List<SimulatedJob> roots = new ArrayList<>();
    private final CommitFactory commits;

    HistoryGenerator(long seed, int targetBuilds, int days) {
        this.seed = seed;
        this.targetBuilds = targetBuilds;
        this.start = SimulatedHistory.END.minus(Duration.ofDays(days));
        this.random = new Random(seed);
        this.commits = new CommitFactory(seed, random);
    }

    SimulatedHistory generate() {
        SimulatedRepository library = repository(LIBRARY);
        List<SimulatedCommit> libraryCommits = commits.libraryHistory(library, start);
        double totalWeight = JOBS.stream().mapToDouble(JobSpec::weight).sum() + FEATURE_WEIGHT;
        Duration window = Duration.between(start, SimulatedHistory.END);
        Instant branchPoint = start.plus(window.multipliedBy(60).dividedBy(100));
        Instant mergePoint = start.plus(window.multipliedBy(85).dividedBy(100));
        Map<String, JobTimeline> timelines = new LinkedHashMap<>();
        for (JobSpec spec : JOBS) {
            SimulatedJob job = job(spec.fullName(), spec.kind());
            int count = (int) Math.round(targetBuilds * spec.weight() / totalWeight);
            timelines.put(
                    spec.fullName(),
                    new JobTimeline(
                            job,
                            repository(spec.repo()),
                            spec.flavor(),
                            branchName(spec),
                            spec.baseMinutes(),
                            isMultibranch(spec.fullName()),
                            libraryCommits,
                            commits,
                            new Random(random.nextLong()),
                            times(count, start, SimulatedHistory.END)));
        }
        for (JobSpec spec : JOBS) {
            if (!spec.fullName().equals("services/webapp/main")) {
                timelines.get(spec.fullName()).runUntil(SimulatedHistory.END, start);
            }
        }
        JobTimeline webapp = timelines.get("services/webapp/main");
        webapp.runUntil(branchPoint, start);
        int featureCount = (int) Math.round(targetBuilds * FEATURE_WEIGHT / totalWeight);
        JobTimeline feature = new JobTimeline(
                job(FEATURE_JOB, JobKind.PIPELINE),
                repository("SVC/webapp"),
                "python",
                "feature/x",
                10,
                true,
                libraryCommits,
                commits,
                new Random(random.nextLong()),
                times(featureCount, branchPoint, mergePoint));
        feature.branchFrom(webapp.head());
        feature.runUntil(mergePoint, start);
        webapp.mergeAt(mergePoint, feature.head());
        webapp.runUntil(SimulatedHistory.END, start);
        markRunning(List.of("images/base-python", "images/ml/torch", "teams/data/etl"));
        return new SimulatedHistory(seed, roots, repositories, LIBRARY);
    }

    private static boolean isMultibranch(String fullName) {
        return fullName.startsWith("services/webapp/") || fullName.startsWith("acme/");
    }

    private static String branchName(JobSpec spec) {
        if (isMultibranch(spec.fullName())) {
            return spec.mainBranch();
        }
        return spec.kind() == JobKind.FREESTYLE
                ? "origin/" + spec.mainBranch()
                : "refs/remotes/origin/" + spec.mainBranch();
    }

    private void markRunning(List<String> jobNames) {
        for (String name : jobNames) {
            SimulatedJob job = items.get(name);
            List<SimulatedBuild> builds = job.builds();
            if (builds.size() < 3) {
                continue;
            }
            SimulatedBuild last = builds.get(builds.size() - 1);
            Instant startedAt = SimulatedHistory.END.minus(Duration.ofMinutes(3));
            job.replaceBuild(
                    builds.size() - 1,
                    new SimulatedBuild(
                            last.number(),
                            startedAt.isAfter(last.startedAt()) ? startedAt : last.startedAt(),
                            0,
                            null,
                            true,
                            last.causes(),
                            last.revision(),
                            last.branch(),
                            last.libraryRevision(),
                            last.changeLog(),
                            last.plannedCauses()));
        }
    }

    private List<Instant> times(int count, Instant from, Instant to) {
        long span = Duration.between(from, to).toMillis();
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            offsets.add((long) (random.nextDouble() * span));
        }
        offsets.sort(Long::compare);
        List<Instant> times = new ArrayList<>();
        long previous = -1;
        for (long offset : offsets) {
            long at = Math.max(offset, previous + 60_000);
            times.add(from.plusMillis(at));
            previous = at;
        }
        return times;
    }

    private SimulatedRepository repository(String key) {
        return repositories.computeIfAbsent(key, k -> {
            String[] parts = k.split("/");
            return new SimulatedRepository(parts[0], parts[1]);
        });
    }

    private SimulatedJob job(String fullName, JobKind kind) {
        String[] segments = fullName.split("/");
        SimulatedJob parent = null;
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                path.append('/');
            }
            path.append(segments[i]);
            String name = path.toString();
            boolean leaf = i == segments.length - 1;
            SimulatedJob item = items.get(name);
            if (item == null) {
                JobKind itemKind = leaf ? kind : containerKind(fullName, i);
                String repoKey = leaf ? repoOf(fullName) : null;
                boolean branchJob = leaf && parent != null && parent.kind() == JobKind.MULTIBRANCH;
                item = new SimulatedJob(segments[i], name, itemKind, repoKey, branchJob);
                items.put(name, item);
                if (parent == null) {
                    roots.add(item);
                    roots.sort((a, b) -> a.name().compareTo(b.name()));
                } else {
                    parent.addChild(item);
                }
            }
            parent = item;
        }
        return parent;
    }

    private static JobKind containerKind(String fullName, int depth) {
        if (fullName.startsWith("acme/")) {
            return depth == 0 ? JobKind.ORGANIZATION : JobKind.MULTIBRANCH;
        }
        if (fullName.startsWith("services/webapp/") && depth == 1) {
            return JobKind.MULTIBRANCH;
        }
        return JobKind.FOLDER;
    }

    private static String repoOf(String fullName) {
        if (fullName.equals(FEATURE_JOB)) {
            return "SVC/webapp";
        }
        return JOBS.stream()
                .filter(s -> s.fullName().equals(fullName))
                .findFirst()
                .orElseThrow()
                .repo();
    }

    /** The cause label of the first build of a job or branch. */
    static final String FIRST = Causes.FIRST_BUILD;
}
