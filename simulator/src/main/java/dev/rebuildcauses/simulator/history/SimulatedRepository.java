package dev.rebuildcauses.simulator.history;

import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A git-like commit graph of one simulated Bitbucket repository. */
public final class SimulatedRepository {
    private final String projectKey;
    private final String slug;
    private final Map<String, SimulatedCommit> commits = new LinkedHashMap<>();
    private final Map<String, Integer> order = new HashMap<>();

    SimulatedRepository(String projectKey, String slug) {
        this.projectKey = projectKey;
        this.slug = slug;
    }

    public String projectKey() {
        return projectKey;
    }

    public String slug() {
        return slug;
    }

    /** {@code PROJ/slug}. */
    public String key() {
        return projectKey + "/" + slug;
    }

    public Optional<SimulatedCommit> commit(String id) {
        return Optional.ofNullable(commits.get(id));
    }

    public int commitCount() {
        return commits.size();
    }

    /** Every commit, in creation order. */
    public List<SimulatedCommit> commits() {
        return List.copyOf(commits.values());
    }

    /**
     * The commits reachable from {@code until} and not from {@code since}, newest first, as
     * Bitbucket's {@code commits?since=&until=} lists them; {@code since} may be {@code null}.
     */
    public List<SimulatedCommit> rangeCommits(String since, String until) {
        Set<String> excluded = since == null ? Set.of() : ancestors(since);
        List<SimulatedCommit> range = new ArrayList<>();
        for (String id : ancestors(until)) {
            if (!excluded.contains(id)) {
                range.add(commits.get(id));
            }
        }
        range.sort((a, b) -> Integer.compare(order.get(b.id()), order.get(a.id())));
        return range;
    }

    /** The net file changes of a range: each path's first and last change combined, in path order. */
    public List<FileChange> netChanges(String since, String until) {
        List<SimulatedCommit> range = new ArrayList<>(rangeCommits(since, until));
        Collections.reverse(range);
        Map<String, FileChange> net = new java.util.TreeMap<>();
        for (SimulatedCommit commit : range) {
            for (FileChange change : commit.changes()) {
                FileChange before = net.get(change.path());
                if (change.kind() == ChangeKind.RENAME && change.oldPath() != null) {
                    FileChange renamedFrom = net.remove(change.oldPath());
                    if (renamedFrom != null && renamedFrom.kind() == ChangeKind.ADD) {
                        net.put(change.path(), FileChange.of(ChangeKind.ADD, change.path()));
                        continue;
                    }
                }
                if (before == null) {
                    net.put(change.path(), change);
                } else if (before.kind() == ChangeKind.ADD && change.kind() == ChangeKind.DELETE) {
                    net.remove(change.path());
                } else if (before.kind() == ChangeKind.ADD) {
                    net.put(change.path(), before);
                } else if (before.kind() == ChangeKind.DELETE && change.kind() == ChangeKind.ADD) {
                    net.put(change.path(), FileChange.of(ChangeKind.MODIFY, change.path()));
                } else if (change.kind() == ChangeKind.DELETE) {
                    net.put(change.path(), change);
                }
            }
        }
        return List.copyOf(net.values());
    }

    private Set<String> ancestors(String id) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.push(id);
        while (!todo.isEmpty()) {
            String next = todo.pop();
            SimulatedCommit commit = commits.get(next);
            if (commit != null && seen.add(next)) {
                commit.parents().forEach(todo::push);
            }
        }
        return seen;
    }

    void add(SimulatedCommit commit) {
        order.put(commit.id(), commits.size());
        commits.put(commit.id(), commit);
    }
}
