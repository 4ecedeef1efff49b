package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The first-parent chain of a branch, oldest first, indexed by commit id so ranges along it need no git call. */
public final class FirstParentHistory {
    private final String branch;
    private final List<HistoryStep> steps;
    /**
     * Open addressing over the steps' commit ids: slot holds position + 1, 0 when free. Four bytes a
     * slot at most half full, where a map of boxed positions cost about 56 bytes a commit.
     */
    private final int[] positions;

    FirstParentHistory(String branch, List<HistoryStep> steps) {
        this.branch = branch;
        this.steps = List.copyOf(steps);
        this.positions = new int[Integer.highestOneBit(Math.max(1, steps.size()) * 2) * 2];
        for (int i = 0; i < this.steps.size(); i++) {
            int slot = slotOf(this.steps.get(i).commit().id());
            if (positions[slot] == 0) {
                positions[slot] = i + 1; // a commit twice on one chain cannot happen; the first stays
            }
        }
    }

    /** The slot holding {@code id}, or the free slot where it would go. */
    private int slotOf(String id) {
        int mask = positions.length - 1;
        int slot = mix(id.hashCode()) & mask;
        while (positions[slot] != 0
                && !steps.get(positions[slot] - 1).commit().id().equals(id)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The branch as walked, e.g. {@code main}, or {@code HEAD} when detached. */
    public String branch() {
        return branch;
    }

    public List<HistoryStep> steps() {
        return steps;
    }

    /** Position of a full commit id on the chain, or -1. */
    public int indexOf(String commitId) {
        return commitId == null ? -1 : positions[slotOf(commitId)] - 1;
    }

    /** The range of step {@code index}: its parent (the previous step) up to it; the oldest step is a first build. */
    public ChangeRange rangeOf(int index) {
        HistoryStep step = steps.get(index);
        if (index == 0) {
            return ChangeRange.firstBuild(step.commit().id());
        }
        return ChangeRange.resolved(
                steps.get(index - 1).commit().id(), step.commit().id(), step.commits(), step.files());
    }

    /**
     * The range {@code from..to} when both lie on the chain with {@code from} older: every commit the
     * steps after {@code from} brought, and the union of their first-parent diffs.
     */
    public Optional<ChangeRange> range(String fromId, String toId) {
        int from = indexOf(fromId);
        int to = indexOf(toId);
        if (from < 0 || to <= from) {
            return Optional.empty();
        }
        if (to == from + 1) {
            return Optional.of(rangeOf(to));
        }
        List<Commit> commits = new ArrayList<>();
        List<List<FileChange>> diffs = new ArrayList<>();
        for (int i = from + 1; i <= to; i++) {
            commits.addAll(steps.get(i).commits());
            diffs.add(steps.get(i).files());
        }
        return Optional.of(ChangeRange.resolved(fromId, toId, commits, FileUnion.of(diffs)));
    }

    /** Every step as one build of {@code job}, numbered from 1, started at its commit time, triggered by a push. */
    public List<BuildChanges> asBuilds(String job) {
        List<BuildChanges> builds = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            HistoryStep step = steps.get(i);
            Build build = new Build(
                    job,
                    i + 1L,
                    step.committedAt(),
                    null,
                    "",
                    "push",
                    step.commit().id(),
                    branch);
            builds.add(new BuildChanges(build, rangeOf(i)));
        }
        return builds;
    }
}
