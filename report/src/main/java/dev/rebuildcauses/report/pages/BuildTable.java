package dev.rebuildcauses.report.pages;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildSummary;
import dev.rebuildcauses.analysis.model.CauseSet;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.model.RangeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every build of a report as one row of primitive columns, in the report's order: what a snapshot keeps
 * of a million builds (about 100 bytes each, against about a kilobyte with their commits and files).
 * Rows become {@link BuildSummary} values only when a page shows them. Texts that repeat (results,
 * triggers, branches, revisions, subjects) are kept once.
 */
final class BuildTable {
    private static final long NO_DURATION = Long.MIN_VALUE;
    private static final RangeStatus[] STATUSES = RangeStatus.values();

    private final String[] texts;
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

    private BuildTable(int size, Texts texts, Map<CauseSet, Integer> causeSets, List<ClassifiedBuild> builds) {
        this.job = new int[size];
        this.number = new long[size];
        this.startSeconds = new long[size];
        this.startNanos = new int[size];
        this.durationNanos = new long[size];
        this.result = new int[size];
        this.trigger = new int[size];
        this.revision = new int[size];
        this.branch = new int[size];
        this.status = new byte[size];
        this.fromRevision = new int[size];
        this.toRevision = new int[size];
        this.problem = new int[size];
        this.commits = new int[size];
        this.files = new int[size];
        this.subject = new int[size];
        this.author = new int[size];
        this.causes = new int[size];
        for (int row = 0; row < size; row++) {
            BuildSummary summary = BuildSummary.of(builds.get(row));
            Build build = summary.build();
            job[row] = texts.index(build.job());
            number[row] = build.number();
            startSeconds[row] = build.startedAt().getEpochSecond();
            startNanos[row] = build.startedAt().getNano();
            durationNanos[row] =
                    build.duration() == null ? NO_DURATION : build.duration().toNanos();
            result[row] = texts.index(build.result());
            trigger[row] = texts.index(build.trigger());
            revision[row] = texts.index(build.revision());
            branch[row] = texts.index(build.branch());
            status[row] = (byte) summary.status().ordinal();
            fromRevision[row] = texts.index(summary.fromRevision());
            toRevision[row] = texts.index(summary.toRevision());
            problem[row] = texts.index(summary.problem());
            commits[row] = summary.commits();
            files[row] = summary.files();
            subject[row] = texts.index(summary.newestSubject());
            author[row] = texts.index(summary.newestAuthor());
            causes[row] = causeSets.computeIfAbsent(summary.causes(), set -> causeSets.size());
        }
        this.texts = texts.toArray();
        this.causeSets = new CauseSet[causeSets.size()];
        causeSets.forEach((set, index) -> this.causeSets[index] = set);
    }

    /** The rows of {@code builds}, in their order. */
    static BuildTable of(List<ClassifiedBuild> builds) {
        return new BuildTable(builds.size(), new Texts(), new HashMap<>(), builds);
    }

    int size() {
        return number.length;
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
                texts[revision[row]],
                texts[branch[row]]);
        return new BuildSummary(
                build,
                causeSets[causes[row]],
                STATUSES[status[row]],
                texts[fromRevision[row]],
                texts[toRevision[row]],
                texts[problem[row]],
                commits[row],
                files[row],
                texts[subject[row]],
                texts[author[row]]);
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
