package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The first-parent chain of a branch, oldest first, indexed by commit id so ranges along it need no git call. */
public final class FirstParentHistory {
    private final String branch;
    private final List<HistoryStep> steps;
    private final Map<String, Integer> positions;

    FirstParentHistory(String branch, List<HistoryStep> steps) {
        this.branch = branch;
        this.steps = List.copyOf(steps);
        this.positions = new HashMap<>(steps.size() * 2);
        for (int i = 0; i < steps.size(); i++) {
            positions.put(steps.get(i).commit().id(), i);
        }
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
        Integer position = positions.get(commitId);
        return position == null ? -1 : position;
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
