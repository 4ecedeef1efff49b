package dev.rebuildcauses.simulator.history;

import dev.rebuildcauses.analysis.model.Causes;
import dev.rebuildcauses.analysis.model.FileChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generates one job's builds in time order, committing to its repository as it goes: mostly code
 * pushes, the environment about monthly, rebuilds of the same revision, empty commits.
 */
final class JobTimeline {
    private static final String NO_NEW = Causes.NO_NEW_COMMIT;
    private static final String EMPTY = Causes.EMPTY_COMMIT;

    /** Push kinds and their weights: code alone dominates, CI config rarely comes alone. */
    private static final List<Map.Entry<List<String>, Double>> KINDS = List.of(
            Map.entry(List.of(Causes.CODE), 0.46),
            Map.entry(List.of(Causes.CODE, Causes.DEPENDENCIES), 0.03),
            Map.entry(List.of(Causes.CODE, Causes.DOCS), 0.02),
            Map.entry(List.of(Causes.CODE, Causes.CONFIG), 0.015),
            Map.entry(List.of(Causes.CODE, Causes.CI), 0.012),
            Map.entry(List.of(Causes.DOCS), 0.09),
            Map.entry(List.of(Causes.DEPENDENCIES), 0.085),
            Map.entry(List.of(Causes.CONFIG), 0.04),
            Map.entry(List.of(Causes.CI), 0.003),
            Map.entry(List.of(Causes.CI, Causes.DEPENDENCIES), 0.008),
            Map.entry(List.of(Causes.CI, Causes.DOCS), 0.004),
            Map.entry(List.of(EMPTY), 0.095),
            Map.entry(List.of(NO_NEW), 0.15));

    private final SimulatedJob job;
    private final SimulatedRepository repo;
    private final String flavor;
    private final String branch;
    private final int baseMinutes;
    private final boolean multibranch;
    private final List<SimulatedCommit> libraryCommits;
    private final CommitFactory commits;
    private final Random rng;
    private final List<Instant> times;
    private final List<String> added = new ArrayList<>();
    private int next;
    private String head;
    private boolean branched;
    private Instant nextEnvironmentChange;
    private Instant mergeAt;
    private String mergeHead;

    JobTimeline(
            SimulatedJob job,
            SimulatedRepository repo,
            String flavor,
            String branch,
            int baseMinutes,
            boolean multibranch,
            List<SimulatedCommit> libraryCommits,
            CommitFactory commits,
            Random rng,
            List<Instant> times) {
        this.job = job;
        this.repo = repo;
        this.flavor = flavor;
        this.branch = branch;
        this.baseMinutes = baseMinutes;
        this.multibranch = multibranch;
        this.libraryCommits = libraryCommits;
        this.commits = commits;
        this.rng = rng;
        this.times = times;
    }

    String head() {
        return head;
    }

    void branchFrom(String commit) {
        head = commit;
        branched = true;
    }

    void mergeAt(Instant when, String featureHead) {
        mergeAt = when;
        mergeHead = featureHead;
    }

    void runUntil(Instant until, Instant historyStart) {
        while (next < times.size() && times.get(next).isBefore(until)) {
            Instant at = times.get(next++);
            if (nextEnvironmentChange == null) {
                nextEnvironmentChange = at.plus(Duration.ofHours(24L * (10 + rng.nextInt(25))));
            }
            build(at, historyStart);
        }
    }

    private void build(Instant at, Instant historyStart) {
        List<SimulatedBuild> builds = job.builds();
        SimulatedBuild previous = builds.isEmpty() ? null : builds.get(builds.size() - 1);
        Instant since = previous == null ? at.minus(Duration.ofHours(2)) : previous.startedAt();
        List<String> kind;
        if (previous == null) {
            kind = List.of(Causes.FIRST_BUILD);
            if (head == null) {
                head = commits.initial(repo, flavor, historyStart.minus(Duration.ofDays(30)))
                        .id();
            }
            if (branched) {
                commitCategories(List.of(Causes.CODE), since, at);
            }
        } else if (mergeHead != null && !at.isBefore(mergeAt)) {
            kind = List.of("merge");
            SimulatedCommit merge = commits.commit(
                    repo,
                    List.of(head, mergeHead),
                    at.minus(Duration.ofMinutes(5)),
                    "Merge branch 'feature/x'",
                    repo.netChanges(head, mergeHead));
            head = merge.id();
            mergeHead = null;
        } else if (!at.isBefore(nextEnvironmentChange)) {
            List<String> categories = new ArrayList<>(List.of(Causes.ENVIRONMENT));
            if (rng.nextDouble() < 0.4) {
                categories.add(Causes.DEPENDENCIES);
            }
            if (rng.nextDouble() < 0.2) {
                categories.add(Causes.CODE);
            }
            kind = categories;
            commitCategories(categories, since, at);
            nextEnvironmentChange = at.plus(Duration.ofHours(24L * (22 + rng.nextInt(17))));
        } else {
            kind = pick();
            if (kind.contains(EMPTY)) {
                String message = commits.message(EMPTY, rng);
                head = commits.commit(repo, List.of(head), between(since, at), message, List.of())
                        .id();
            } else if (!kind.contains(NO_NEW)) {
                commitCategories(kind, since, at);
            }
        }
        String revision = head;
        List<SimulatedCommit> changeLog = new ArrayList<>();
        Set<String> planned;
        if (previous == null) {
            planned = Set.of(Causes.FIRST_BUILD);
        } else if (previous.revision().equals(revision)) {
            planned = Set.of(NO_NEW);
        } else {
            changeLog.addAll(repo.rangeCommits(previous.revision(), revision));
            Collections.reverse(changeLog);
            planned = plannedCauses(repo.netChanges(previous.revision(), revision));
        }
        int index = builds.size();
        job.addBuild(new SimulatedBuild(
                index + 1,
                at,
                duration(kind),
                null,
                false,
                triggers(kind, previous == null),
                revision,
                branch,
                job.kind() == JobKind.PIPELINE ? libraryAt(at) : null,
                changeLog,
                planned));
        finish(index);
    }

    private void finish(int index) {
        SimulatedBuild build = job.builds().get(index);
        double dice = rng.nextDouble();
        String result = dice < 0.07 ? "FAILURE" : dice < 0.09 ? "UNSTABLE" : dice < 0.10 ? "ABORTED" : "SUCCESS";
        long duration = build.durationMillis();
        if (result.equals("FAILURE")) {
            duration = duration / 2;
        } else if (result.equals("ABORTED")) {
            duration = duration / 3;
        }
        job.replaceBuild(
                index,
                new SimulatedBuild(
                        build.number(),
                        build.startedAt(),
                        duration,
                        result,
                        false,
                        build.causes(),
                        build.revision(),
                        build.branch(),
                        build.libraryRevision(),
                        build.changeLog(),
                        build.plannedCauses()));
    }

    private Set<String> plannedCauses(List<FileChange> net) {
        if (net.isEmpty()) {
            return Set.of(EMPTY);
        }
        Set<String> causes = new TreeSet<>();
        net.forEach(change -> causes.add(commits.category(change.path())));
        return causes;
    }

    private void commitCategories(List<String> categories, Instant since, Instant at) {
        if (categories.equals(List.of(Causes.CODE))) {
            int count = 1 + (rng.nextDouble() < 0.35 ? 1 : 0) + (rng.nextDouble() < 0.1 ? 1 : 0);
            for (int i = 0; i < count; i++) {
                commitOne(List.of(Causes.CODE), since, at);
            }
        } else if (rng.nextDouble() < 0.4) {
            commitOne(categories, since, at);
        } else {
            for (String category : categories) {
                commitOne(List.of(category), since, at);
            }
        }
    }

    private void commitOne(List<String> categories, Instant since, Instant at) {
        List<FileChange> changes = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        for (String category : categories) {
            for (FileChange change : commits.changes(flavor, category, rng, added)) {
                if (paths.add(change.path())) {
                    changes.add(change);
                }
            }
        }
        String message = commits.message(categories.get(0), rng);
        head = commits.commit(repo, List.of(head), between(since, at), message, changes)
                .id();
    }

    private Instant between(Instant since, Instant at) {
        long span = Math.max(1, Duration.between(since, at).toMillis() - 60_000);
        return since.plusMillis(1 + (long) (rng.nextDouble() * span));
    }

    private List<String> pick() {
        double dice = rng.nextDouble()
                * KINDS.stream().mapToDouble(Map.Entry::getValue).sum();
        for (Map.Entry<List<String>, Double> kind : KINDS) {
            dice -= kind.getValue();
            if (dice < 0) {
                return kind.getKey();
            }
        }
        return KINDS.get(0).getKey();
    }

    private long duration(List<String> kind) {
        double factor;
        if (kind.contains(Causes.ENVIRONMENT)) {
            factor = 3.2;
        } else if (kind.contains(Causes.FIRST_BUILD)) {
            factor = 2.5;
        } else if (kind.contains(Causes.DEPENDENCIES) || kind.contains("merge")) {
            factor = 1.6;
        } else if (kind.contains(EMPTY)) {
            factor = 1.3;
        } else if (kind.contains(NO_NEW)) {
            factor = 0.8;
        } else if (kind.equals(List.of(Causes.DOCS))) {
            factor = 0.85;
        } else {
            factor = 1.0;
        }
        double noise = Math.exp(rng.nextGaussian() * 0.2);
        return (long) (baseMinutes * 60_000L * factor * noise);
    }

    private List<SimulatedCause> triggers(List<String> kind, boolean first) {
        if (first) {
            return List.of(
                    multibranch
                            ? SimulatedCause.of("jenkins.branch.BranchIndexingCause", "Branch indexing")
                            : user("admin", "Jenkins Admin"));
        }
        if (!kind.contains(NO_NEW)) {
            if (multibranch) {
                String name = branch;
                return List.of(SimulatedCause.of("jenkins.branch.BranchEventCause", "Push event to branch " + name));
            }
            return rng.nextDouble() < 0.7
                    ? List.of(
                            SimulatedCause.of("hudson.triggers.SCMTrigger$SCMTriggerCause", "Started by an SCM change"))
                    : List.of(SimulatedCause.of(
                            "com.cloudbees.jenkins.plugins.BitBucketPushCause", "Started by Bitbucket push by ada"));
        }
        double dice = rng.nextDouble();
        if (dice < 0.5) {
            return List.of(SimulatedCause.of("hudson.triggers.TimerTrigger$TimerTriggerCause", "Started by timer"));
        }
        if (dice < 0.8) {
            return List.of(user("grace", "Grace Hopper"));
        }
        if (dice < 0.95) {
            long upstreamBuild = 1 + rng.nextInt(200);
            return List.of(new SimulatedCause(
                    "hudson.model.Cause$UpstreamCause",
                    "Started by upstream project \"images/base-python\" build number " + upstreamBuild,
                    Map.of(
                            "upstreamProject", "images/base-python",
                            "upstreamBuild", upstreamBuild,
                            "upstreamUrl", "job/images/job/base-python/")));
        }
        SimulatedCause again = job.kind() == JobKind.PIPELINE
                ? SimulatedCause.of("org.jenkinsci.plugins.workflow.cps.replay.ReplayCause", "Replayed #1")
                : SimulatedCause.of("com.sonyericsson.rebuild.RebuildCause", "Rebuilds build #1");
        return List.of(user("linus", "Linus Pauling"), again);
    }

    private static SimulatedCause user(String id, String name) {
        return new SimulatedCause(
                "hudson.model.Cause$UserIdCause", "Started by user " + name, Map.of("userId", id, "userName", name));
    }

    private String libraryAt(Instant at) {
        String revision = libraryCommits.get(0).id();
        for (SimulatedCommit commit : libraryCommits) {
            if (!commit.time().isAfter(at)) {
                revision = commit.id();
            }
        }
        return revision;
    }
}
