package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds as the store lists them (by job, then number), read into columns: numbers and times as primitives,
 * texts and ids by number ({@link StringTable}, {@link IdTable}), each range's commits and files as a run of
 * numbers in one shared array, every commit and file change kept once. Filled by {@link StoredBuildsReader},
 * then {@link #seal sealed} into the {@link StoredBuilds} that reads it.
 */
final class BuildColumns {
    static final long NO_DURATION = Long.MIN_VALUE;
    private static final RangeStatus[] STATUSES = RangeStatus.values();

    final StringTable jobs = new StringTable();
    final StringTable texts = new StringTable();
    final IdTable ids = new IdTable();
    final CommitTable commits;
    final List<FileChange> files = new ArrayList<>();
    private Map<FileChange, Integer> fileNumbers = new HashMap<>();
    private final Bounds bounds;

    int size;
    int[] jobOf;
    long[] number;
    long[] startedMs;
    long[] durationMs;
    int[] resultOf;
    int[] triggerOf;
    int[] branchOf;
    int[] problemOf;
    int[] revisionOf;
    int[] fromRevisionOf;
    byte[] statusOf;
    int[] commitStart;
    int[] commitCount;
    int[] fileStart;
    int[] fileCount;

    int[] rangeCommits;
    int rangeCommitSize;
    int[] rangeFiles;
    int rangeFileSize;

    /** The first build of each job (by job number); a job's builds come one after the other. */
    private int[] jobStart = new int[16];

    private int lastFound = -1;

    /**
     * The rows of the tables read, which the columns can come to hold at most; {@code whole} when every row
     * is going to be read (no filter), so each column is made at its size at once instead of grown by copies.
     */
    record Bounds(long builds, long rangeCommits, long rangeFiles, long commits, boolean whole) {
        /** No bound known: the columns start small and grow by doubling. */
        static final Bounds NONE = new Bounds(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, false);

        int first(int small, long bound) {
            return whole ? Room.first(Integer.MAX_VALUE - 16, bound) : Room.first(small, bound);
        }
    }

    BuildColumns() {
        this(Bounds.NONE);
    }

    BuildColumns(Bounds bounds) {
        this.bounds = bounds;
        commits = new CommitTable(ids, bounds.commits(), bounds.whole());
        grow(bounds.first(64, bounds.builds()));
        rangeCommits = new int[bounds.first(256, bounds.rangeCommits())];
        rangeFiles = new int[0];
    }

    /** Adds a build after those added (by job, then number); {@code duration} {@link #NO_DURATION} when unknown. */
    void add(
            String job,
            long buildNumber,
            long started,
            long duration,
            String result,
            String trigger,
            String revision,
            String branch,
            RangeStatus status,
            String fromRevision,
            String problem) {
        int i = size;
        if (i == number.length) {
            grow(Room.next(i, i + 1, bounds.builds()));
        }
        int jobNumber = jobs.find(job);
        if (jobNumber < 0) {
            jobNumber = jobs.number(job);
            if (jobNumber == jobStart.length) {
                jobStart = Arrays.copyOf(jobStart, jobNumber * 2);
            }
            jobStart[jobNumber] = i;
        } else if (jobOf[i - 1] != jobNumber) {
            throw new IllegalStateException("the builds of " + job + " were not listed one after the other");
        }
        jobOf[i] = jobNumber;
        number[i] = buildNumber;
        startedMs[i] = started;
        durationMs[i] = duration;
        resultOf[i] = texts.number(result == null ? "" : result);
        triggerOf[i] = texts.number(trigger == null ? "" : trigger);
        branchOf[i] = texts.number(branch == null ? "" : branch);
        problemOf[i] = texts.number(problem == null ? "" : problem);
        revisionOf[i] = ids.number(revision);
        fromRevisionOf[i] = ids.number(fromRevision);
        statusOf[i] = (byte) status.ordinal();
        size++;
    }

    /** The index of the build {@code buildNumber} of {@code job}, or -1 when it was not read. */
    int find(String job, long buildNumber) {
        int jobNumber = jobs.find(job);
        if (jobNumber < 0) {
            return -1;
        }
        for (int guess = Math.max(lastFound, 0); guess <= lastFound + 1 && guess < size; guess++) {
            if (jobOf[guess] == jobNumber && number[guess] == buildNumber) {
                return lastFound = guess;
            }
        }
        int from = jobStart[jobNumber];
        int to = jobNumber + 1 < jobs.size() ? jobStart[jobNumber + 1] : size;
        int at = Arrays.binarySearch(number, from, to, buildNumber);
        return at < 0 ? -1 : (lastFound = at);
    }

    /**
     * Adds the next commit of build {@code i}'s range; the commits of one range come one after the other,
     * in their order.
     */
    void addCommit(int i, int commit) {
        if (commitCount[i] == 0) {
            commitStart[i] = rangeCommitSize;
        } else if (commitStart[i] + commitCount[i] != rangeCommitSize) {
            throw new IllegalStateException("the commits of a range were not listed one after the other");
        }
        if (rangeCommitSize == rangeCommits.length) {
            rangeCommits =
                    Arrays.copyOf(rangeCommits, Room.next(rangeCommitSize, rangeCommitSize + 1, bounds.rangeCommits()));
        }
        rangeCommits[rangeCommitSize++] = commit;
        commitCount[i]++;
    }

    /** Adds the next file of build {@code i}'s range, as {@link #addCommit}. */
    void addFile(int i, FileChange file) {
        if (rangeFiles.length == 0) {
            rangeFiles = new int[bounds.first(256, bounds.rangeFiles())];
        }
        if (fileCount[i] == 0) {
            fileStart[i] = rangeFileSize;
        } else if (fileStart[i] + fileCount[i] != rangeFileSize) {
            throw new IllegalStateException("the files of a range were not listed one after the other");
        }
        Integer known = fileNumbers.get(file);
        if (known == null) {
            known = files.size();
            files.add(file);
            fileNumbers.put(file, known);
        }
        if (rangeFileSize == rangeFiles.length) {
            rangeFiles = Arrays.copyOf(rangeFiles, Room.next(rangeFileSize, rangeFileSize + 1, bounds.rangeFiles()));
        }
        rangeFiles[rangeFileSize++] = known;
        fileCount[i]++;
    }

    static RangeStatus status(byte ordinal) {
        return STATUSES[ordinal];
    }

    /**
     * Turns the id numbers {@link #addCommit added} as commits into the numbers of their commits in {@link
     * #commits}, dropping those of ids whose commit was not added (as a join drops a row without a match), and
     * drops the lookups of ids and commits: no id or commit is added any more. Before the files are read, so
     * the lookup tables and the files' column are not held at once.
     */
    void resolveCommits() {
        int bytesIds = ids.bytesIds();
        ids.seal();
        commits.indexByIds(bytesIds);
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int from = commitStart[i];
            int count = commitCount[i];
            commitStart[i] = kept;
            for (int k = from; k < from + count; k++) {
                int commit = commits.commitOfIdNumber(rangeCommits[k]);
                if (commit >= 0) {
                    rangeCommits[kept++] = commit;
                }
            }
            commitCount[i] = kept - commitStart[i];
        }
        rangeCommitSize = kept;
        commits.seal();
    }

    /**
     * Drops the lookups, and the room kept for more where it is {@link Room#worthTrimming worth a copy}:
     * nothing is added any more.
     */
    StoredBuilds seal() {
        if (Room.worthTrimming(number.length, size)) {
            grow(size);
        }
        if (Room.worthTrimming(rangeCommits.length, rangeCommitSize)) {
            rangeCommits = Arrays.copyOf(rangeCommits, rangeCommitSize);
        }
        if (Room.worthTrimming(rangeFiles.length, rangeFileSize)) {
            rangeFiles = Arrays.copyOf(rangeFiles, rangeFileSize);
        }
        fileNumbers = null;
        return new StoredBuilds(this);
    }

    private void grow(int length) {
        if (jobOf == null) {
            jobOf = new int[length];
            number = new long[length];
            startedMs = new long[length];
            durationMs = new long[length];
            resultOf = new int[length];
            triggerOf = new int[length];
            branchOf = new int[length];
            problemOf = new int[length];
            revisionOf = new int[length];
            fromRevisionOf = new int[length];
            statusOf = new byte[length];
            commitStart = new int[length];
            commitCount = new int[length];
            fileStart = new int[length];
            fileCount = new int[length];
            return;
        }
        jobOf = Arrays.copyOf(jobOf, length);
        number = Arrays.copyOf(number, length);
        startedMs = Arrays.copyOf(startedMs, length);
        durationMs = Arrays.copyOf(durationMs, length);
        resultOf = Arrays.copyOf(resultOf, length);
        triggerOf = Arrays.copyOf(triggerOf, length);
        branchOf = Arrays.copyOf(branchOf, length);
        problemOf = Arrays.copyOf(problemOf, length);
        revisionOf = Arrays.copyOf(revisionOf, length);
        fromRevisionOf = Arrays.copyOf(fromRevisionOf, length);
        statusOf = Arrays.copyOf(statusOf, length);
        commitStart = Arrays.copyOf(commitStart, length);
        commitCount = Arrays.copyOf(commitCount, length);
        fileStart = Arrays.copyOf(fileStart, length);
        fileCount = Arrays.copyOf(fileCount, length);
    }
}
