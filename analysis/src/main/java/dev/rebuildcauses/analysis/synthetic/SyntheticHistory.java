package dev.rebuildcauses.analysis.synthetic;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A deterministic synthetic build history for benchmarks: about 50 jobs, 3 commits and 6 changed
 * files per build on average, with the mix of causes the seed analysis found (about half the builds
 * code-only, about a tenth empty commits, the environment changing about monthly per job and its
 * builds the longest). Paths and file changes
 * come from a shared pool so that a million builds fit in a small heap.
 */
public final class SyntheticHistory {
    /** The number of jobs the history spreads over. */
    public static final int JOBS = 50;

    private static final Instant START = Instant.parse("2022-01-03T00:00:00Z");
    private static final String[] AUTHORS = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};
    private static final String[] MESSAGES = {
        "Fix model loading",
        "Add feature flag",
        "Bump dependencies",
        "Refactor pipeline",
        "Update docs",
        "Tune parameters",
        "Trigger rebuild",
        "Merge branch 'develop'"
    };
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SplittableRandom random;
    private final RepositoryTemplate[] repositories = new RepositoryTemplate[JOBS];
    private final String[] jobNames = new String[JOBS];
    private final String[] lastRevision = new String[JOBS];
    private final long[] clock = new long[JOBS];
    private final long[] number = new long[JOBS];

    private SyntheticHistory(long seed) {
        random = new SplittableRandom(seed);
        for (int j = 0; j < JOBS; j++) {
            repositories[j] = new RepositoryTemplate(j);
            jobNames[j] = "images/team-" + (j % 7) + "/image-" + j;
            clock[j] = START.toEpochMilli() + random.nextLong(86_400_000L);
        }
    }

    /** {@code builds} builds over {@link #JOBS} jobs; the same seed gives the same history. */
    public static List<BuildChanges> generate(int builds, long seed) {
        List<BuildChanges> result = new ArrayList<>(builds);
        generate(builds, seed, result::add);
        return result;
    }

    /**
     * The same history as {@link #generate(int, long)}, handed to {@code each} one build at a time in the
     * same order, so that a consumer that writes them away never holds them all.
     */
    public static void generate(int builds, long seed, Consumer<BuildChanges> each) {
        SyntheticHistory history = new SyntheticHistory(seed);
        for (int i = 0; i < builds; i++) {
            each.accept(history.next());
        }
    }

    private BuildChanges next() {
        int job = random.nextInt(JOBS);
        // about eight builds a day per job, at random moments
        clock[job] += 60_000L + (long) (-Math.log(1 - random.nextDouble()) * 3 * 3_600_000L);
        Instant started = Instant.ofEpochMilli(clock[job]);
        String previous = lastRevision[job];
        double roll = random.nextDouble();
        ChangeRange range;
        String trigger = "push";
        double minutes;
        if (previous == null) {
            range = ChangeRange.firstBuild(newCommitId());
            minutes = 50;
        } else if (roll < 0.003) {
            range = ChangeRange.unknown(previous, newCommitId(), "revision not in repository");
            minutes = 15;
        } else if (roll < 0.053) {
            range = ChangeRange.noNewCommit(previous);
            trigger = random.nextBoolean() ? "timer" : "user:alice";
            minutes = 18;
        } else if (roll < 0.153) {
            List<Commit> commits = commits(previous, 1 + random.nextInt(2), 0, started);
            range = ChangeRange.resolved(previous, last(commits), commits, List.of());
            minutes = 15;
        } else {
            Change change = change(repositories[job]);
            List<Commit> commits = commits(previous, 1 + random.nextInt(6), change.files.size(), started);
            range = ChangeRange.resolved(previous, last(commits), commits, List.copyOf(change.files));
            minutes = change.minutes;
        }
        lastRevision[job] = range.toRevision();
        Duration duration = random.nextDouble() < 0.005
                ? null
                : Duration.ofSeconds((long) (minutes * 60 * (0.7 + 0.6 * random.nextDouble())));
        String result = random.nextDouble() < 0.06 ? "FAILURE" : "SUCCESS";
        Build build =
                new Build(jobNames[job], ++number[job], started, duration, result, trigger, range.toRevision(), "main");
        return new BuildChanges(build, range);
    }

    /** The files one build changes and its typical minutes. */
    private record Change(Set<FileChange> files, double minutes) {}

    private Change change(RepositoryTemplate repository) {
        Set<FileChange> files = new LinkedHashSet<>();
        double roll = random.nextDouble();
        double minutes = 12;
        boolean withCode = true;
        if (roll < 0.595) {
            minutes = 12; // code only
        } else if (roll < 0.635) {
            pick(repository.dependencies, 1 + random.nextInt(2), files);
            minutes = 25;
        } else if (roll < 0.695) {
            pick(repository.dependencies, 1 + random.nextInt(3), files);
            withCode = false;
            minutes = 25;
        } else if (roll < 0.701) {
            pick(repository.environment, 1 + random.nextInt(2), files);
            if (random.nextBoolean()) {
                pick(repository.dependencies, 1, files);
            }
            withCode = random.nextBoolean();
            minutes = 45;
        } else if (roll < 0.731) {
            pick(repository.ci, 1, files);
        } else if (roll < 0.751) {
            pick(repository.ci, 1 + random.nextInt(2), files);
            withCode = false;
        } else if (roll < 0.885) {
            pick(repository.docs, 1 + random.nextInt(4), files);
            withCode = false;
            minutes = 10;
        } else if (roll < 0.905) {
            pick(repository.docs, 1 + random.nextInt(2), files);
        } else if (roll < 0.92) {
            pick(repository.config, 1 + random.nextInt(2), files);
        } else if (roll < 0.96) {
            pick(repository.config, 1 + random.nextInt(3), files);
            withCode = false;
        } else {
            pick(repository.other, 1 + random.nextInt(2), files);
            withCode = false;
        }
        if (withCode) {
            int count = 1 + (int) (-Math.log(1 - random.nextDouble()) * 9.0);
            for (int i = 0; i < count; i++) {
                int k = random.nextInt(repository.code.length);
                files.add(random.nextDouble() < 0.05 ? repository.codeAdded[k] : repository.code[k]);
            }
            if (random.nextDouble() < 0.02) {
                int from = random.nextInt(repository.code.length);
                int to = random.nextInt(repository.code.length);
                files.add(new FileChange(ChangeKind.RENAME, repository.code[to].path(), repository.code[from].path()));
            }
        }
        return new Change(files, minutes);
    }

    private void pick(FileChange[] pool, int count, Set<FileChange> into) {
        for (int i = 0; i < count; i++) {
            into.add(pool[random.nextInt(pool.length)]);
        }
    }

    private List<Commit> commits(String parent, int count, int files, Instant before) {
        List<Commit> commits = new ArrayList<>(count);
        String previous = parent;
        for (int i = 0; i < count; i++) {
            String id = newCommitId();
            int changed = i < count - 1 ? files / count : files - (files / count) * (count - 1);
            changed = files == 0 ? 0 : Math.max(1, changed);
            Instant time = before.minusSeconds(60L * (count - i));
            commits.add(new Commit(
                    id,
                    List.of(previous),
                    AUTHORS[random.nextInt(AUTHORS.length)],
                    time,
                    MESSAGES[random.nextInt(MESSAGES.length)],
                    changed));
            previous = id;
        }
        return commits;
    }

    private static String last(List<Commit> commits) {
        return commits.get(commits.size() - 1).id();
    }

    private String newCommitId() {
        char[] id = new char[40];
        for (int i = 0; i < 40; i += 16) {
            long bits = random.nextLong();
            for (int k = 0; k < 16 && i + k < 40; k++) {
                id[i + k] = HEX[(int) (bits >>> (4 * k)) & 0xf];
            }
        }
        return new String(id);
    }
}
