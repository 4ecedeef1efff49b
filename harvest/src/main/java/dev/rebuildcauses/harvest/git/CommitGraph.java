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
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;

/** The commits off a first-parent chain, with their parents: tells which commits each merge brought. */
final class CommitGraph {
    static final CommitGraph EMPTY = new CommitGraph(Map.of());

    private final Map<String, Commit> nodes;

    private CommitGraph(Map<String, Commit> nodes) {
        this.nodes = nodes;
    }

    /**
     * Every commit reachable from {@code tip} that its first-parent chain does not hold. One {@code git
     * rev-list --parents} lists them all, newest first, and first parents are followed from the tip
     * through it to tell the chain from the rest; a commit listed before its child on the chain (a
     * committer clock set wrong) joins the chain when that child is met. {@code chainLength} hears the
     * chain's length once listed. Then one {@code git log --no-walk} reads the commits off the chain:
     * the chain's own come from the walk's log, as formatting and parsing them twice made the walk cost
     * well over git's own log. Each git process is in {@code running} while it runs, so a cancelled walk
     * can stop it.
     */
    static CommitGraph read(GitCommand git, String tip, Set<Process> running, IntConsumer chainLength)
            throws HarvestException, IOException {
        List<String> side = offChain(git, tip, running, chainLength);
        Map<String, Commit> nodes = new HashMap<>(side.size() * 2);
        if (side.isEmpty()) {
            return new CommitGraph(nodes);
        }
        GitCommand.Running log = git.start(List.of("log", "--no-walk=unsorted", "--stdin", "-z", GitLogParser.FORMAT));
        running.add(log.process());
        try {
            CompletableFuture<Void> feeder =
                    CompletableFuture.runAsync(() -> feed(log.process().getOutputStream(), side));
            try (InputStream out = log.process().getInputStream()) {
                GitLogParser.parse(out, e -> nodes.put(e.id(), e.toCommit(false)));
            }
            feeder.join();
            log.requireSuccess();
        } finally {
            running.remove(log.process());
        }
        return new CommitGraph(nodes);
    }

    private static List<String> offChain(GitCommand git, String tip, Set<Process> running, IntConsumer chainLength)
            throws HarvestException, IOException {
        GitCommand.Running list = git.start(List.of("rev-list", "--parents", tip, "--"));
        running.add(list.process());
        int chain = 0;
        // commits not (yet) on the chain, with their first parent ("" for a root)
        Map<String, String> off = new LinkedHashMap<>();
        String expected = tip;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(list.process().getInputStream(), StandardCharsets.US_ASCII), 1 << 16)) {
            list.process().getOutputStream().close();
            String line;
            while ((line = lines.readLine()) != null) {
                int space = line.indexOf(' ');
                String id = space < 0 ? line : line.substring(0, space);
                String firstParent = firstParent(line, space);
                if (!id.equals(expected)) {
                    off.put(id, firstParent);
                    continue;
                }
                chain++;
                expected = firstParent;
                // a first parent listed early waits among the others: it belongs to the chain after all
                for (String early; (early = off.remove(expected)) != null; expected = early) {
                    chain++;
                }
            }
        } finally {
            running.remove(list.process());
        }
        list.requireSuccess();
        chainLength.accept(chain);
        return List.copyOf(off.keySet());
    }

    /** The first parent on a {@code rev-list --parents} line, or {@code ""} for a root commit. */
    private static String firstParent(String line, int space) {
        if (space < 0) {
            return "";
        }
        int next = line.indexOf(' ', space + 1);
        return next < 0 ? line.substring(space + 1) : line.substring(space + 1, next);
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
