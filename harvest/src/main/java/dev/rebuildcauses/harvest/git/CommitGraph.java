package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.harvest.changes.HarvestException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every commit reachable from a tip with its parents: tells which commits each merge brought. */
final class CommitGraph {
    static final CommitGraph EMPTY = new CommitGraph(Map.of());

    /** A commit with its position in the log (oldest first, parents before children). */
    private record Node(int order, Commit commit) {}

    private final Map<String, Node> nodes;

    private CommitGraph(Map<String, Node> nodes) {
        this.nodes = nodes;
    }

    /** One plain {@code git log} of every commit reachable from {@code tip}, without diffs. */
    static CommitGraph read(GitCommand git, String tip) throws HarvestException, IOException {
        GitCommand.Running log = git.start(List.of("log", "--topo-order", "--reverse", "-z", GitLogParser.FORMAT, tip));
        Map<String, Node> nodes = new HashMap<>();
        try (InputStream out = log.process().getInputStream()) {
            log.process().getOutputStream().close();
            GitLogParser.parse(out, e -> nodes.put(e.id(), new Node(nodes.size(), e.toCommit(false))));
        }
        log.requireSuccess();
        return new CommitGraph(nodes);
    }

    /**
     * Turns a first-parent chain (oldest first) into steps: each commit brings itself and, for a
     * merge, every commit reachable from its other parents that no earlier step brought.
     */
    List<HistoryStep> steps(List<LogEntry> chain) {
        Set<String> reached = new HashSet<>(nodes.size() * 2 + chain.size());
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
            reached.add(entry.id());
            steps.add(new HistoryStep(commit, entry.commitTime(), commits, entry.files()));
        }
        return steps;
    }

    private List<Commit> broughtBy(LogEntry merge, Set<String> reached) {
        List<Node> brought = new ArrayList<>();
        Deque<String> todo =
                new ArrayDeque<>(merge.parents().subList(1, merge.parents().size()));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            Node node = nodes.get(id);
            if (node != null && reached.add(id)) {
                brought.add(node);
                todo.addAll(node.commit().parents());
            }
        }
        brought.sort(Comparator.comparingInt(Node::order));
        List<Commit> commits = new ArrayList<>(brought.size() + 1);
        for (Node node : brought) {
            commits.add(node.commit());
        }
        return commits;
    }
}
