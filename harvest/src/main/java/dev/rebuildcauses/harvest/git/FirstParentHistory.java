package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ChangesOmitted;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The first-parent chain of a branch, oldest first, indexed by commit id so ranges along it need no git call.
 *
 * <p>Kept in columns, filled newest first as the walk reads the log: ids as bytes, times as seconds,
 * authors as numbers, messages as UTF-8 in one array, the steps' file changes (shared instances) in one
 * array. Steps, commits, ranges and builds are made only when asked for. A million steps held as objects
 * (entry, commit, id and message strings, instants, lists, build, range) cost about 450 bytes each for the
 * whole run; here about 70 and the message, and the collector has next to nothing to copy while git writes.
 */
public final class FirstParentHistory {
    /** The range of a build made without its changes: nothing of it is read but its status. */
    private static final ChangeRange FIRST_OMITTED = ChangeRange.firstBuild(null);

    private static final ChangeRange RESOLVED_OMITTED =
            new ChangeRange(RangeStatus.RESOLVED, null, null, List.of(), List.of(), "");

    private final String branch;
    private final int size;
    /** Column position {@code k} holds step {@code size - 1 - k}: the walk meets the newest first. */
    private final CommitColumns columns;
    /**
     * The positions, ascending, of commits whose parents are not just the next older step (merges, the
     * oldest); {@code apartAt[j]}'s parents are list {@code j} of {@link #apartParents}.
     */
    private final int[] apartAt;

    private final CommitColumns.IdLists apartParents;
    /** By step, the commits each merge brought, oldest first: those of step {@code i} from {@code broughtStart[i]} up to {@code broughtStart[i + 1]}; {@code null} without merges. */
    private final int[] broughtStart;

    private final Commit[] brought;
    /** Texts the walk read as it went (see {@link WalkTextReader}), until taken. */
    private Map<String, String> textsReadAlong;

    /** What {@link Builder#offChain} noted; {@code null} when not known. */
    private final Set<String> dockerfilesOffChain;

    private Memo lastId;

    private FirstParentHistory(String branch, Builder walked, CommitGraph graph, Map<String, String> texts) {
        this.branch = branch;
        this.textsReadAlong = texts;
        this.columns = walked.columns;
        columns.trim();
        this.size = columns.size();
        if (size > 0 && walked.oldestParent != null) {
            walked.apart(size - 1, List.of(walked.oldestParent)); // a shallow clone's oldest
        }
        this.apartAt = Arrays.copyOf(walked.apartAt, walked.apartCount);
        this.apartParents = walked.apartParents;
        this.dockerfilesOffChain = walked.dockerfilesOffChain;
        List<Commit> broughtCommits = new ArrayList<>();
        int[] starts = null;
        Set<String> reached = graph.reachedSet();
        for (int i = 0; i < size; i++) {
            List<String> parents = parentsApart(at(i));
            if (parents != null && parents.size() > 1) {
                if (starts == null) {
                    starts = new int[size + 1];
                }
                starts[i] = broughtCommits.size();
                broughtCommits.addAll(graph.broughtBy(parents, reached));
            } else if (starts != null) {
                starts[i] = broughtCommits.size();
            }
        }
        if (starts != null) {
            starts[size] = broughtCommits.size();
        }
        this.broughtStart = starts;
        this.brought = broughtCommits.toArray(Commit[]::new);
    }

    /**
     * The chain as the walk meets it, newest first, each commit's first parent the next one added; {@link
     * #build} makes the history, with what each merge brought from the commits off the chain.
     */
    static final class Builder {
        private final CommitColumns columns = new CommitColumns();
        private int[] apartAt = new int[16];
        private CommitColumns.IdLists apartParents;
        private int apartCount;
        private String oldestParent;
        /** Dockerfiles the commits off the chain changed; {@code null} once a chain commit came out of order. */
        private Set<String> dockerfilesOffChain = new HashSet<>();

        /** Notes a commit met off the chain (for now): the Dockerfiles it changed. */
        void offChain(LogEntry entry) {
            if (dockerfilesOffChain == null) {
                return;
            }
            for (FileChange change : entry.files()) {
                if (GitDockerfileHistoryReader.isDockerfile(change.path())) {
                    dockerfilesOffChain.add(change.path());
                }
                if (change.oldPath() != null && GitDockerfileHistoryReader.isDockerfile(change.oldPath())) {
                    dockerfilesOffChain.add(change.oldPath());
                }
            }
        }

        /** Notes that a chain commit was listed before its child (a clock set wrong): the log's order is not the chain's. */
        void listedBeforeItsChild() {
            dockerfilesOffChain = null;
        }

        /** Adds the next older commit of the chain. */
        void add(LogEntry entry) {
            int k = columns.add(entry);
            List<String> parents = entry.parents();
            if (parents.size() != 1) {
                apart(k, parents);
            }
            oldestParent = parents.size() == 1 ? parents.get(0) : null;
        }

        private void apart(int k, List<String> parents) {
            if (apartParents == null) {
                apartParents = new CommitColumns.IdLists(columns.idBytes());
            }
            if (apartCount == apartAt.length) {
                apartAt = Arrays.copyOf(apartAt, apartCount * 2);
            }
            apartAt[apartCount++] = k;
            apartParents.add(parents);
        }

        /** How many commits were added. */
        int size() {
            return columns.size();
        }

        /** The history of {@code branch}; {@code graph} holds the commits off the chain that merges brought. */
        FirstParentHistory build(String branch, CommitGraph graph) {
            return build(branch, graph, Map.of());
        }

        /** Like {@link #build(String, CommitGraph)}, with the texts read along the walk, by {@code REV:path}. */
        FirstParentHistory build(String branch, CommitGraph graph, Map<String, String> texts) {
            return new FirstParentHistory(branch, this, graph, texts);
        }
    }

    /** The column position of step {@code index}. */
    private int at(int index) {
        return size - 1 - index;
    }

    /**
     * The texts the walk read as it went, by {@code REV:path}, and those they tell of the revisions
     * before the next changes (see {@link TextsAlongTheChain#ofChanges}), for a snapshot to pass on
     * (see {@link GitRepositorySnapshot#passOn(Map)}); handed over once, then empty.
     */
    public synchronized Map<String, String> takeTextsReadAlong() {
        Map<String, String> texts = TextsAlongTheChain.ofChanges(this, textsReadAlong);
        textsReadAlong = Map.of();
        return texts;
    }

    /** The branch as walked, e.g. {@code main}, or {@code HEAD} when detached. */
    public String branch() {
        return branch;
    }

    /** How many steps the chain has. */
    public int size() {
        return size;
    }

    /** The steps, oldest first, each made when asked for. */
    public List<HistoryStep> steps() {
        return new Lazy<>(size, this::step);
    }

    /** The step at {@code index}. */
    public HistoryStep step(int index) {
        Objects.checkIndex(index, size);
        return step(index, index == 0 ? null : id(index - 1));
    }

    /** The step at {@code index}, whose first parent (when it has just that one) is {@code previous}. */
    private HistoryStep step(int index, String previous) {
        Commit commit = commit(index, previous);
        List<Commit> commits;
        int from = broughtStart == null ? 0 : broughtStart[index];
        int to = broughtStart == null ? 0 : broughtStart[index + 1];
        if (from == to) {
            commits = List.of(commit);
        } else {
            Commit[] all = Arrays.copyOfRange(brought, from, to + 1);
            all[all.length - 1] = commit;
            commits = List.of(all);
        }
        return new HistoryStep(commit, committedAt(index), commits, files(index));
    }

    /** The commit id of step {@code index}. */
    public String id(int index) {
        // a pass along the chain asks each id twice (as a step, then as the next step's parent)
        Memo memo = lastId;
        if (memo != null && memo.index == index) {
            return memo.id;
        }
        String id = columns.id(at(Objects.checkIndex(index, size)));
        lastId = new Memo(index, id);
        return id;
    }

    /** The last id spelled out; immutable, so threads that race on it see one whole or the other. */
    private record Memo(int index, String id) {}

    /** The first-parent diff of step {@code index} (for a merge: everything the merge brought). */
    public List<FileChange> files(int index) {
        return columns.files(at(Objects.checkIndex(index, size)));
    }

    /** How many files the diff of step {@code index} names: {@code files(index).size()} without the list. */
    int fileCount(int index) {
        return columns.fileCount(at(Objects.checkIndex(index, size)));
    }

    /** The {@code j}-th change of the diff of step {@code index}: {@code files(index).get(j)} without the list. */
    FileChange file(int index, int j) {
        return columns.file(at(Objects.checkIndex(index, size)), j);
    }

    private Instant committedAt(int index) {
        return columns.commitTime(at(index));
    }

    /** The commit time of step {@code index}, in seconds since the epoch. */
    long commitSeconds(int index) {
        return committedAt(Objects.checkIndex(index, size)).getEpochSecond();
    }

    /** Whether step {@code index} has more than one parent. */
    boolean isMerge(int index) {
        List<String> parents = parentsApart(at(Objects.checkIndex(index, size)));
        return parents != null && parents.size() > 1;
    }

    /**
     * Whether a commit off the chain may have changed Dockerfile {@code path}, or the log may list
     * the chain's commits in another order than the chain's: then {@code git log} alone can say
     * which commits changed it, and in what order.
     */
    boolean mayHaveChangedOffChain(String path) {
        return dockerfilesOffChain == null || dockerfilesOffChain.contains(path);
    }

    /** The parents of position {@code k} when they are not just the next older step, else {@code null}. */
    private List<String> parentsApart(int k) {
        int j = Arrays.binarySearch(apartAt, k);
        return j < 0 ? null : apartParents.get(j);
    }

    private Commit commit(int index, String previous) {
        int k = at(index);
        List<String> parents = parentsApart(k);
        return new Commit(
                id(index),
                parents == null ? List.of(previous) : parents,
                columns.author(k),
                columns.authorTime(k),
                columns.message(k),
                columns.fileCount(k));
    }

    /** Position of a full commit id on the chain, or -1. */
    public int indexOf(String commitId) {
        int k = columns.indexOf(commitId);
        return k < 0 ? -1 : at(k); // position and step map onto each other both ways
    }

    /** The range of step {@code index}: its parent (the previous step) up to it; the oldest step is a first build. */
    public ChangeRange rangeOf(int index) {
        if (index == 0) {
            return ChangeRange.firstBuild(id(0));
        }
        String previous = id(index - 1);
        HistoryStep step = step(index, previous);
        return ChangeRange.resolved(previous, step.commit().id(), step.commits(), step.files());
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
            HistoryStep step = step(i);
            commits.addAll(step.commits());
            diffs.add(step.files());
        }
        return Optional.of(ChangeRange.resolved(fromId, toId, commits, FileUnion.of(diffs)));
    }

    /**
     * Every step as one build of {@code job}, numbered from 1, started at its commit time, triggered by a
     * push; each build is made when asked for, so a list of a million builds costs no memory of its own.
     */
    public List<BuildChanges> asBuilds(String job) {
        return new Builds(job);
    }

    /** The steps as builds of one job, each made when asked for, with or without its commits and files. */
    private final class Builds extends AbstractList<BuildChanges>
            implements RandomAccess, ChangesOmitted<BuildChanges> {
        private final String job;

        Builds(String job) {
            this.job = job;
        }

        @Override
        public BuildChanges get(int index) {
            ChangeRange range = rangeOf(Objects.checkIndex(index, size));
            return new BuildChanges(build(index, range.toRevision()), range);
        }

        @Override
        public BuildChanges withoutChanges(int index) {
            // no ids (spelling two of them out was most of the cost of a pass over a million builds), and
            // so one range for every build: nothing of it is read but its status
            ChangeRange range = Objects.checkIndex(index, size) == 0 ? FIRST_OMITTED : RESOLVED_OMITTED;
            return new BuildChanges(build(index, null), range);
        }

        @Override
        public BuildChanges withoutCommits(int index) {
            // no commits: neither their ids nor their messages are spelled out
            ChangeRange range = Objects.checkIndex(index, size) == 0
                    ? ChangeRange.firstBuild(id(0))
                    : ChangeRange.resolved(id(index - 1), id(index), List.of(), files(index));
            return new BuildChanges(build(index, range.toRevision()), range);
        }

        private Build build(int index, String revision) {
            return new Build(job, index + 1L, committedAt(index), null, "", "push", revision, branch);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** A read-only list of {@code size} elements, each made by {@code make} when asked for. */
    private static final class Lazy<T> extends AbstractList<T> implements RandomAccess {
        private final int size;
        private final IntFunction<T> make;

        Lazy(int size, IntFunction<T> make) {
            this.size = size;
            this.make = make;
        }

        @Override
        public T get(int index) {
            return make.apply(Objects.checkIndex(index, size));
        }

        @Override
        public int size() {
            return size;
        }
    }
}
