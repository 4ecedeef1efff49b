package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.harvest.changes.HarvestException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Every commit reachable from a tip with its parents: tells which commits each merge brought. */
final class CommitGraph {
    static final CommitGraph EMPTY = new CommitGraph(Map.of());

    /** A commit with its position in the log (oldest first, parents before children). */
    private record Node(int order, Commit commit) {}

    private final Map<String, Node> nodes;

    private CommitGraph(Map<String, Node> nodes) {
        this.nodes = nodes;
    }

    /**
     * Every commit reachable from {@code tip} that the first-parent chain does not hold: the graph
     * from one {@code git rev-list --parents} (ids only), then one {@code git log --no-walk} of the
     * commits off the chain. The chain's own commits come from the walk's log; formatting and
     * parsing them twice made the walk cost well over git's own log.
     */
    static CommitGraph read(GitCommand git, String tip) throws HarvestException, IOException {
        GitCommand.Running list = git.start(List.of("rev-list", "--topo-order", "--reverse", "--parents", tip));
        Map<String, Integer> order = new HashMap<>();
        Map<String, String> firstParents = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(list.process().getInputStream(), StandardCharsets.US_ASCII), 1 << 16)) {
            list.process().getOutputStream().close();
            String line;
            while ((line = lines.readLine()) != null) {
                int space = line.indexOf(' ');
                String id = space < 0 ? line : line.substring(0, space);
                order.put(id, order.size());
                if (space > 0) {
                    int next = line.indexOf(' ', space + 1);
                    firstParents.put(id, next < 0 ? line.substring(space + 1) : line.substring(space + 1, next));
                }
            }
        }
        list.requireSuccess();
        Set<String> chain = new HashSet<>();
        for (String id = tip; id != null && chain.add(id); id = firstParents.get(id)) {
            // the first-parent chain, walked back from the tip
        }
        List<String> side = new ArrayList<>();
        for (String id : order.keySet()) {
            if (!chain.contains(id)) {
                side.add(id);
            }
        }
        Map<String, Node> nodes = new HashMap<>(side.size() * 2);
        if (side.isEmpty()) {
            return new CommitGraph(nodes);
        }
        GitCommand.Running log = git.start(List.of("log", "--no-walk=unsorted", "--stdin", "-z", GitLogParser.FORMAT));
        CompletableFuture<Void> feeder =
                CompletableFuture.runAsync(() -> feed(log.process().getOutputStream(), side));
        try (InputStream out = log.process().getInputStream()) {
            GitLogParser.parse(
                    out, e -> nodes.put(e.id(), new Node(order.getOrDefault(e.id(), -1), e.toCommit(false))));
        }
        feeder.join();
        log.requireSuccess();
        return new CommitGraph(nodes);
    }

    private static void feed(OutputStream stdin, List<String> ids) {
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(stdin, StandardCharsets.US_ASCII), 1 << 16)) {
            for (String id : ids) {
                writer.write(id);
                writer.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
