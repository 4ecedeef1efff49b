package dev.rebuildcauses.simulator.history;

import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A git-like commit graph of one simulated Bitbucket repository. */
public final class SimulatedRepository {
    private final String projectKey;
    private final String slug;
    private final Map<String, SimulatedCommit> commits = new LinkedHashMap<>();
    private final Map<String, Integer> order = new HashMap<>();
    private final Map<String, Map<String, FileVersion>> trees = new HashMap<>();
    private String flavor;

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
        // paint down from both ends in creation order, newest first, as git does: a parent is always
        // older than its child, so a commit's marks are final when it is taken; the walk stops once
        // only commits reachable from since are left, so a range costs its size, not the history's
        final int fromUntil = 1;
        final int fromSince = 2;
        Map<String, Integer> marks = new HashMap<>();
        java.util.PriorityQueue<String> queue =
                new java.util.PriorityQueue<>((a, b) -> Integer.compare(order.get(b), order.get(a)));
        int onlyUntil = 0;
        if (commits.containsKey(until)) {
            marks.put(until, fromUntil);
            queue.add(until);
            onlyUntil++;
        }
        if (since != null && commits.containsKey(since)) {
            if (marks.merge(since, fromSince, (a, b) -> a | b) == (fromUntil | fromSince)) {
                onlyUntil--;
            } else {
                queue.add(since);
            }
        }
        List<SimulatedCommit> range = new ArrayList<>();
        while (!queue.isEmpty() && onlyUntil > 0) {
            String id = queue.poll();
            int mark = marks.get(id);
            if (mark == fromUntil) {
                onlyUntil--;
                range.add(commits.get(id));
            }
            for (String parent : commits.get(id).parents()) {
                if (!commits.containsKey(parent)) {
                    continue;
                }
                Integer before = marks.get(parent);
                int after = before == null ? mark : before | mark;
                if (before == null) {
                    queue.add(parent);
                    if (after == fromUntil) {
                        onlyUntil++;
                    }
                } else if (before == fromUntil && after != fromUntil) {
                    onlyUntil--;
                }
                marks.put(parent, after);
            }
        }
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

    void add(SimulatedCommit commit, Map<String, FileVersion> tree) {
        order.put(commit.id(), commits.size());
        commits.put(commit.id(), commit);
        trees.put(commit.id(), Map.copyOf(tree));
    }

    /** The files of a commit's tree, each with the version (commit counter) that last wrote it. */
    Map<String, FileVersion> tree(String commitId) {
        return trees.getOrDefault(commitId, Map.of());
    }

    /** The language its files are written in ({@code python}, {@code go}, …), or {@code null}. */
    public String flavor() {
        return flavor;
    }

    void flavor(String flavor) {
        this.flavor = flavor;
    }

    /** The bytes of a file at a commit, as the real repository holds them, if the commit has the file. */
    public java.util.Optional<byte[]> file(String commitId, String path) {
        FileVersion version = tree(commitId).get(path);
        return version == null ? java.util.Optional.empty() : java.util.Optional.of(FileContents.of(flavor, version));
    }

    /** Every file of a commit (path to content), for writing the real repository. */
    public Map<String, byte[]> files(String commitId) {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        tree(commitId).forEach((path, version) -> files.put(path, FileContents.of(flavor, version)));
        return files;
    }
}
