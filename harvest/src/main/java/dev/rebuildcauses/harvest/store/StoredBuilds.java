package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ChangesOmitted;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Stored builds as read for a report: kept in columns ({@link BuildColumns}) and each made a {@link
 * BuildChanges} when asked for, equal to what a list of objects would hold. A million builds with three
 * commits and six files each take a few hundred megabytes instead of several gigabytes, and passes that read
 * no commits or files ({@link ChangesOmitted}) make no range. Read-only.
 */
public final class StoredBuilds extends AbstractList<BuildChanges>
        implements RandomAccess, ChangesOmitted<BuildChanges> {
    /** One range without commits, files or revisions per status: all a pass without changes reads. */
    private static final ChangeRange[] OMITTED = omittedRanges();

    private final BuildColumns columns;

    StoredBuilds(BuildColumns sealed) {
        this.columns = sealed;
    }

    @Override
    public BuildChanges get(int index) {
        BuildColumns c = columns;
        int i = Objects.checkIndex(index, c.size);
        String revision = c.ids.id(c.revisionOf[i]);
        Commit[] commits = new Commit[c.commitCount[i]];
        for (int k = 0; k < commits.length; k++) {
            commits[k] = c.commits.get(c.rangeCommits[c.commitStart[i] + k]);
        }
        FileChange[] files = new FileChange[c.fileCount[i]];
        for (int k = 0; k < files.length; k++) {
            files[k] = c.files.get(c.rangeFiles[c.fileStart[i] + k]);
        }
        ChangeRange range = new ChangeRange(
                BuildColumns.status(c.statusOf[i]),
                c.ids.id(c.fromRevisionOf[i]),
                revision,
                List.of(commits),
                List.of(files),
                c.texts.get(c.problemOf[i]));
        return new BuildChanges(build(i, revision), range);
    }

    /**
     * The build without its range's commits, files and revisions, as {@link ChangesOmitted} allows (its
     * problem kept: an unresolved range's is rare and costs one object).
     */
    @Override
    public BuildChanges withoutChanges(int index) {
        BuildColumns c = columns;
        int i = Objects.checkIndex(index, c.size);
        String problem = c.texts.get(c.problemOf[i]);
        ChangeRange range = problem.isEmpty()
                ? OMITTED[c.statusOf[i]]
                : new ChangeRange(BuildColumns.status(c.statusOf[i]), null, null, List.of(), List.of(), problem);
        return new BuildChanges(build(i, null), range);
    }

    private Build build(int i, String revision) {
        BuildColumns c = columns;
        long duration = c.durationMs[i];
        return new Build(
                c.jobs.get(c.jobOf[i]),
                c.number[i],
                Instant.ofEpochMilli(c.startedMs[i]),
                duration == BuildColumns.NO_DURATION ? null : Duration.ofMillis(duration),
                c.texts.get(c.resultOf[i]),
                c.texts.get(c.triggerOf[i]),
                revision,
                c.texts.get(c.branchOf[i]));
    }

    @Override
    public int size() {
        return columns.size;
    }

    private static ChangeRange[] omittedRanges() {
        RangeStatus[] statuses = RangeStatus.values();
        ChangeRange[] ranges = new ChangeRange[statuses.length];
        for (RangeStatus status : statuses) {
            ranges[status.ordinal()] = new ChangeRange(status, null, null, List.of(), List.of(), "");
        }
        return ranges;
    }
}
