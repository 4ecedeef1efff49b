package dev.rebuildcauses.report.pages;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildSummary;
import dev.rebuildcauses.analysis.model.CauseSet;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.model.RangeStatus;
import dev.rebuildcauses.report.pipeline.BuildRows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Every build of a report as one row of primitive columns, in the report's order: what a snapshot keeps
 * of a million builds (about 100 bytes each, against about a kilobyte with their commits and files).
 * Rows become {@link BuildSummary} values only when a page shows them. Git revisions are packed into a
 * {@link RevisionPool} (20 bytes each, no object); other texts that repeat (results, triggers,
 * branches, subjects) are kept once.
 */
final class BuildTable {
    private static final long NO_DURATION = Long.MIN_VALUE;
    private static final RangeStatus[] STATUSES = RangeStatus.values();

    private final int size;
    private final String[] texts;
    private final RevisionPool revisions;
    private final CauseSet[] causeSets;
    private final int[] job;
    private final long[] number;
    private final long[] startSeconds;
    private final int[] startNanos;
    private final long[] durationNanos;
    private final int[] result;
    private final int[] trigger;
    private final int[] revision;
    private final int[] branch;
    private final byte[] status;
    private final int[] fromRevision;
    private final int[] toRevision;
    private final int[] problem;
    private final int[] commits;
    private final int[] files;
    private final int[] subject;
    private final int[] author;
    private final int[] causes;

    private BuildTable(Rows rows) {
        this.size = rows.size;
        this.texts = rows.texts.toArray();
        this.revisions = rows.revisions.freeze();
        this.causeSets = new CauseSet[rows.causeSets.size()];
        rows.causeSets.forEach((set, index) -> this.causeSets[index] = set);
        this.job = rows.job;
        this.number = rows.number;
        this.startSeconds = rows.startSeconds;
        this.startNanos = rows.startNanos;
        this.durationNanos = rows.durationNanos;
        this.result = rows.result;
        this.trigger = rows.trigger;
        this.revision = rows.revision;
        this.branch = rows.branch;
        this.status = rows.status;
        this.fromRevision = rows.fromRevision;
        this.toRevision = rows.toRevision;
        this.problem = rows.problem;
        this.commits = rows.commits;
        this.files = rows.files;
        this.subject = rows.subject;
        this.author = rows.author;
        this.causes = rows.causes;
    }

    /** The rows of {@code builds}, in their order. */
    static BuildTable of(List<ClassifiedBuild> builds) {
        Rows rows = new Rows(builds.size());
        builds.forEach(rows::add);
        return rows.table();
    }

    /**
     * A table filled one build at a time (an analysis job by job): each build is kept as its row when
     * added, its commits and files dropped.
     */
    static final class Rows implements BuildRows {
        private final Texts texts = new Texts();
        private final RevisionPool revisions = new RevisionPool();
        private final Map<CauseSet, Integer> causeSets = new HashMap<>();
        private int size;
        private int[] job;
        private long[] number;
        private long[] startSeconds;
        private int[] startNanos;
        private long[] durationNanos;
        private int[] result;
        private int[] trigger;
        private int[] revision;
        private int[] branch;
        private byte[] status;
        private int[] fromRevision;
        private int[] toRevision;
        private int[] problem;
        private int[] commits;
        private int[] files;
        private int[] subject;
        private int[] author;
        private int[] causes;
        private BuildTable table;

        Rows(int capacity) {
            allocate(Math.max(16, capacity));
        }

        private void allocate(int capacity) {
            job = grow(job, capacity);
            number = grow(number, capacity);
            startSeconds = grow(startSeconds, capacity);
            startNanos = grow(startNanos, capacity);
            durationNanos = grow(durationNanos, capacity);
            result = grow(result, capacity);
            trigger = grow(trigger, capacity);
            revision = grow(revision, capacity);
            branch = grow(branch, capacity);
            status = status == null ? new byte[capacity] : Arrays.copyOf(status, capacity);
            fromRevision = grow(fromRevision, capacity);
            toRevision = grow(toRevision, capacity);
            problem = grow(problem, capacity);
            commits = grow(commits, capacity);
            files = grow(files, capacity);
            subject = grow(subject, capacity);
            author = grow(author, capacity);
            causes = grow(causes, capacity);
        }

        private static int[] grow(int[] column, int capacity) {
            return column == null ? new int[capacity] : Arrays.copyOf(column, capacity);
        }

        private static long[] grow(long[] column, int capacity) {
            return column == null ? new long[capacity] : Arrays.copyOf(column, capacity);
        }

        @Override
        public void add(ClassifiedBuild classified) {
            if (table != null) {
                throw new IllegalStateException("the table is made; no more rows");
            }
            if (size == number.length) {
                allocate(size + (size >> 1));
            }
            int row = size++;
            BuildSummary summary = BuildSummary.of(classified);
            Build build = summary.build();
            job[row] = texts.index(build.job());
            number[row] = build.number();
            startSeconds[row] = build.startedAt().getEpochSecond();
            startNanos[row] = build.startedAt().getNano();
            durationNanos[row] =
                    build.duration() == null ? NO_DURATION : build.duration().toNanos();
            result[row] = texts.index(build.result());
            trigger[row] = texts.index(build.trigger());
            revision[row] = revisionIndex(build.revision());
            branch[row] = texts.index(build.branch());
            status[row] = (byte) summary.status().ordinal();
            fromRevision[row] = revisionIndex(summary.fromRevision());
            toRevision[row] = revisionIndex(summary.toRevision());
            problem[row] = texts.index(summary.problem());
            commits[row] = summary.commits();
            files[row] = summary.files();
            subject[row] = texts.index(summary.newestSubject());
            author[row] = texts.index(summary.newestAuthor());
            causes[row] = causeSets.computeIfAbsent(summary.causes(), set -> causeSets.size());
        }

        /** A git revision as a negative index into the pool, any other text as its index in the texts. */
        private int revisionIndex(String revision) {
            return RevisionPool.fits(revision) ? -1 - revisions.index(revision) : texts.index(revision);
        }

        /** The rows added so far as mining reads them; no row may be added after. */
        @Override
        public List<ClassifiedBuild> classified() {
            BuildTable made = table();
            return new BuildList(made, IntStream.range(0, made.size()).toArray()).classified();
        }

        /** The table of the rows added; no row may be added after. */
        BuildTable table() {
            if (table == null) {
                if (number.length != size) {
                    allocate(size); // trimmed: a million rows leave no spare half behind
                }
                table = new BuildTable(this);
            }
            return table;
        }
    }

    int size() {
        return size;
    }

    String job(int row) {
        return texts[job[row]];
    }

    long number(int row) {
        return number[row];
    }

    /** Seconds since the epoch the build started at (whole seconds, for windows by day). */
    long startSeconds(int row) {
        return startSeconds[row];
    }

    Instant startedAt(int row) {
        return Instant.ofEpochSecond(startSeconds[row], startNanos[row]);
    }

    CauseSet causes(int row) {
        return causeSets[causes[row]];
    }

    /** The row as pages show it. */
    BuildSummary summary(int row) {
        long duration = durationNanos[row];
        Build build = new Build(
                texts[job[row]],
                number[row],
                startedAt(row),
                duration == NO_DURATION ? null : Duration.ofNanos(duration),
                texts[result[row]],
                texts[trigger[row]],
                revision(revision[row]),
                texts[branch[row]]);
        return new BuildSummary(
                build,
                causeSets[causes[row]],
                STATUSES[status[row]],
                revision(fromRevision[row]),
                revision(toRevision[row]),
                texts[problem[row]],
                commits[row],
                files[row],
                texts[subject[row]],
                texts[author[row]]);
    }

    private String revision(int index) {
        return index < 0 ? revisions.text(-1 - index) : texts[index];
    }

    /** Each distinct text once, by index; index 0 is {@code null}. */
    private static final class Texts {
        private final Map<String, Integer> indexes = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        Texts() {
            values.add(null);
        }

        int index(String text) {
            if (text == null) {
                return 0;
            }
            Integer known = indexes.get(text);
            if (known != null) {
                return known;
            }
            int fresh = values.size();
            values.add(text);
            indexes.put(text, fresh);
            return fresh;
        }

        String[] toArray() {
            return values.toArray(String[]::new);
        }
    }
}
