package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.Commit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The commits off a first-parent chain, with their parents: tells which commits each merge brought. */
final class CommitGraph {
    static final CommitGraph EMPTY = new CommitGraph(new SideCommits());

    private final SideCommits nodes;

    private CommitGraph(SideCommits nodes) {
        this.nodes = nodes;
    }

    /** The graph of {@code side}: the commits reachable from the tip that its first-parent chain does not hold. */
    static CommitGraph of(SideCommits side) {
        return side.size() == 0 ? EMPTY : new CommitGraph(side);
    }

    /** A set for {@link #broughtBy}: only commits off the chain go in it, as a merge's walk stops at the chain. */
    Set<String> reachedSet() {
        return new HashSet<>(nodes.size() * 2);
    }

    /**
     * The commits reachable from the merge's other parents that no earlier step brought, parents before
     * children, for a merge whose parents are {@code mergeParents} and whose chain's earlier merges added
     * theirs to {@code reached}: a depth-first walk that lists a commit once all its parents are listed,
     * so each merged line of history comes out whole and oldest first.
     */
    List<Commit> broughtBy(List<String> mergeParents, Set<String> reached) {
        List<Commit> commits = new ArrayList<>();
        Deque<Commit> path = new ArrayDeque<>();
        Deque<Integer> nextParent = new ArrayDeque<>();
        // everything reachable from the first parent was brought by an earlier step
        for (String parent : mergeParents.subList(1, mergeParents.size())) {
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
        if (reached.contains(id)) {
            return;
        }
        Commit commit = nodes.commit(id);
        if (commit != null) {
            reached.add(id);
            path.push(commit);
            nextParent.push(0);
        }
    }
}
