package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.Commit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The commits off a first-parent chain, with their parents: tells which commits each merge brought. */
final class CommitGraph {
    static final CommitGraph EMPTY = new CommitGraph(Map.of());

    private final Map<String, Commit> nodes;

    private CommitGraph(Map<String, Commit> nodes) {
        this.nodes = nodes;
    }

    /** The graph of {@code side}: the commits reachable from the tip that its first-parent chain does not hold. */
    static CommitGraph of(Collection<LogEntry> side) {
        if (side.isEmpty()) {
            return EMPTY;
        }
        Map<String, Commit> nodes = new HashMap<>(side.size() * 2);
        for (LogEntry entry : side) {
            nodes.put(entry.id(), entry.toCommit(false));
        }
        return new CommitGraph(nodes);
    }

    /**
     * Turns a first-parent chain (oldest first) into steps: each commit brings itself and, for a
     * merge, every commit reachable from its other parents that no earlier step brought.
     */
    List<HistoryStep> steps(List<LogEntry> chain) {
        // only commits off the chain are ever brought: a merge's walk stops at the chain, which holds no node
        Set<String> reached = new HashSet<>(nodes.size() * 2);
        List<HistoryStep> steps = new ArrayList<>(chain.size());
        for (LogEntry entry : chain) {
            Commit commit = entry.toCommit(true);
            List<Commit> commits;
            if (entry.parents().size() <= 1) {
                commits = List.of(commit);
            } else {
                // everything reachable from the first parent was brought by an earlier step
                commits = broughtBy(entry, reached);
                commits.add(commit);
            }
            steps.add(new HistoryStep(commit, entry.commitTime(), commits, entry.files()));
        }
        return steps;
    }

    /**
     * The commits reachable from the merge's other parents that no earlier step brought, parents before
     * children: a depth-first walk that lists a commit once all its parents are listed, so each merged
     * line of history comes out whole and oldest first.
     */
    private List<Commit> broughtBy(LogEntry merge, Set<String> reached) {
        List<Commit> commits = new ArrayList<>();
        Deque<Commit> path = new ArrayDeque<>();
        Deque<Integer> nextParent = new ArrayDeque<>();
        for (String parent : merge.parents().subList(1, merge.parents().size())) {
            enter(parent, reached, path, nextParent);
            while (!path.isEmpty()) {
                Commit top = path.peek();
                int next = nextParent.pop();
                if (next < top.parents().size()) {
                    nextParent.push(next + 1);
                    enter(top.parents().get(next), reached, path, nextParent);
                } else {
                    commits.add(path.pop());
                }
            }
        }
        return commits;
    }

    private void enter(String id, Set<String> reached, Deque<Commit> path, Deque<Integer> nextParent) {
        Commit commit = nodes.get(id);
        if (commit != null && reached.add(id)) {
            path.push(commit);
            nextParent.push(0);
        }
    }
}
