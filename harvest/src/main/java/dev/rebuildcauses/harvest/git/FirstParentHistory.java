package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ChangesOmitted;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.RangeStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
    private final String branch;
    private final int size;
    private final int idBytes;
    /** Column position {@code k} holds step {@code size - 1 - k}: the walk meets the newest first. */
    private final byte[] ids;

    private final long[] authorSeconds;
    private final long[] commitSeconds;
    private final int[] authorOf;
    private final String[] authors;
    private final byte[] messages;
    /** Position {@code k}'s message is {@code messages[messageStart[k]]} up to {@code messageStart[k + 1]}. */
    private final long[] messageStart;

    private final FileChange[] files;
    /** Position {@code k}'s files are {@code files[fileStart[k]]} up to {@code fileStart[k + 1]}. */
    private final int[] fileStart;
    /**
     * The positions, ascending, of commits whose parents are not just the next older step (merges, the
     * oldest); {@code apartAt[j]}'s parents are ids {@code apartStart[j]} up to {@code apartStart[j + 1]} of
     * {@link #apartParents}.
     */
    private final int[] apartAt;

    private final int[] apartStart;
    private final byte[] apartParents;
    /** By step, the commits each merge brought, oldest first, as {@link #fileStart}; {@code null} without merges. */
    private final int[] broughtStart;

    private final Commit[] brought;
    /**
     * Open addressing over the ids: slot holds step + 1, 0 when free. Four bytes a slot at most half
     * full, where a map of boxed positions cost about 56 bytes a commit.
     */
    private final int[] positions;

    private Memo lastId;

    private FirstParentHistory(String branch, Builder walked, CommitGraph graph) {
        this.branch = branch;
        this.size = walked.size;
        this.idBytes = walked.idBytes;
        this.ids = Arrays.copyOf(walked.ids, size * idBytes);
        this.authorSeconds = Arrays.copyOf(walked.authorSeconds, size);
        this.commitSeconds = Arrays.copyOf(walked.commitSeconds, size);
        this.authorOf = Arrays.copyOf(walked.authorOf, size);
        this.authors = walked.authors.toArray(String[]::new);
        this.messages = Arrays.copyOf(walked.messages, (int) walked.messageStart[size]);
        this.messageStart = Arrays.copyOf(walked.messageStart, size + 1);
        this.files = Arrays.copyOf(walked.files, walked.fileStart[size]);
        this.fileStart = Arrays.copyOf(walked.fileStart, size + 1);
        if (size > 0 && walked.oldestParent != null) {
            walked.apart(size - 1, List.of(walked.oldestParent)); // a shallow clone's oldest
        }
        this.apartAt = Arrays.copyOf(walked.apartAt, walked.apartCount);
        this.apartStart = Arrays.copyOf(walked.apartStart, walked.apartCount + 1);
        this.apartParents = Arrays.copyOf(walked.apartParents, apartStart[walked.apartCount] * idBytes);
        this.positions = new int[Integer.highestOneBit(Math.max(1, size) * 2) * 2];
        for (int i = 0; i < size; i++) {
            int slot = slotOf(ids, at(i) * idBytes);
            if (positions[slot] == 0) {
                positions[slot] = i + 1; // a commit twice on one chain cannot happen; the first stays
            }
        }
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
        private int size;
        private int idBytes;
        private byte[] ids = new byte[1024];
        private long[] authorSeconds = new long[64];
        private long[] commitSeconds = new long[64];
        private int[] authorOf = new int[64];
        private final List<String> authors = new ArrayList<>();
        private final Map<String, Integer> authorIds = new HashMap<>();
        private byte[] messages = new byte[4096];
        private long[] messageStart = new long[65];
        private FileChange[] files = new FileChange[64];
        private int[] fileStart = new int[65];
        private int[] apartAt = new int[16];
        private int[] apartStart = new int[17];
        private byte[] apartParents = new byte[256];
        private int apartCount;
        private String oldestParent;

        /** Adds the next older commit of the chain. */
        void add(LogEntry entry) {
            int k = size;
            if (k == authorSeconds.length) {
                int more = k * 2;
                authorSeconds = Arrays.copyOf(authorSeconds, more);
                commitSeconds = Arrays.copyOf(commitSeconds, more);
                authorOf = Arrays.copyOf(authorOf, more);
                messageStart = Arrays.copyOf(messageStart, more + 1);
                fileStart = Arrays.copyOf(fileStart, more + 1);
            }
            if (k == 0) {
                idBytes = entry.id().length() / 2;
            }
            if ((k + 1) * idBytes > ids.length) {
                ids = Arrays.copyOf(ids, Math.max((k + 1) * idBytes, ids.length * 2));
            }
            if (!CommitIds.parse(entry.id(), ids, k * idBytes, idBytes)) {
                throw new IllegalArgumentException("'" + entry.id() + "' is not a commit id like the first one read");
            }
            authorSeconds[k] = entry.authorTime().getEpochSecond();
            commitSeconds[k] = entry.commitTime().getEpochSecond();
            authorOf[k] = authorIds.computeIfAbsent(entry.author(), name -> {
                authors.add(name);
                return authors.size() - 1;
            });
            byte[] message = entry.message().getBytes(StandardCharsets.UTF_8);
            long messageAt = messageStart[k];
            if (messageAt + message.length > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("the history's messages exceed 2 GB");
            }
            if (messageAt + message.length > messages.length) {
                messages = Arrays.copyOf(messages, (int)
                        Math.min(Integer.MAX_VALUE - 16, Math.max(messageAt + message.length, messages.length * 2L)));
            }
            System.arraycopy(message, 0, messages, (int) messageAt, message.length);
            messageStart[k + 1] = messageAt + message.length;
            int fileAt = fileStart[k];
            int fileEnd = fileAt + entry.files().size();
            if (fileEnd > files.length) {
                files = Arrays.copyOf(files, Math.max(fileEnd, files.length * 2));
            }
            for (FileChange change : entry.files()) {
                files[fileAt++] = change;
            }
            fileStart[k + 1] = fileEnd;
            List<String> parents = entry.parents();
            if (parents.size() != 1) {
                apart(k, parents);
            }
            oldestParent = parents.size() == 1 ? parents.get(0) : null;
            size++;
        }

        private void apart(int k, List<String> parents) {
            if (apartCount == apartAt.length) {
                apartAt = Arrays.copyOf(apartAt, apartCount * 2);
                apartStart = Arrays.copyOf(apartStart, apartCount * 2 + 1);
            }
            int from = apartStart[apartCount];
            if ((from + parents.size()) * idBytes > apartParents.length) {
                apartParents = Arrays.copyOf(
                        apartParents, Math.max((from + parents.size()) * idBytes, apartParents.length * 2));
            }
            for (String parent : parents) {
                if (!CommitIds.parse(parent, apartParents, from++ * idBytes, idBytes)) {
                    throw new IllegalArgumentException("'" + parent + "' is not a commit id like the first one read");
                }
            }
            apartAt[apartCount] = k;
            apartStart[++apartCount] = from;
        }

        /** How many commits were added. */
        int size() {
            return size;
        }

        /** The history of {@code branch}; {@code graph} holds the commits off the chain that merges brought. */
        FirstParentHistory build(String branch, CommitGraph graph) {
            return new FirstParentHistory(branch, this, graph);
        }
    }

    /** The column position of step {@code index}. */
    private int at(int index) {
        return size - 1 - index;
    }

    /** The slot holding the id at {@code id[from]}, or the free slot where it would go. */
    private int slotOf(byte[] id, int from) {
        int mask = positions.length - 1;
        int slot = mix(CommitIds.hash(id, from)) & mask;
        while (positions[slot] != 0
                && !Arrays.equals(
                        ids,
                        at(positions[slot] - 1) * idBytes,
                        at(positions[slot] - 1) * idBytes + idBytes,
                        id,
                        from,
                        from + idBytes)) {
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
        String id = CommitIds.hex(ids, at(Objects.checkIndex(index, size)) * idBytes, idBytes);
        lastId = new Memo(index, id);
        return id;
    }

    /** The last id spelled out; immutable, so threads that race on it see one whole or the other. */
    private record Memo(int index, String id) {}

    /** The first-parent diff of step {@code index} (for a merge: everything the merge brought). */
    public List<FileChange> files(int index) {
        int k = at(Objects.checkIndex(index, size));
        int from = fileStart[k];
        int to = fileStart[k + 1];
        return from == to ? List.of() : List.of(Arrays.copyOfRange(files, from, to));
    }

    private Instant committedAt(int index) {
        return Instant.ofEpochSecond(commitSeconds[at(index)]);
    }

    /** The parents of position {@code k} when they are not just the next older step, else {@code null}. */
    private List<String> parentsApart(int k) {
        int j = Arrays.binarySearch(apartAt, k);
        if (j < 0) {
            return null;
        }
        String[] parents = new String[apartStart[j + 1] - apartStart[j]];
        for (int p = 0; p < parents.length; p++) {
            parents[p] = CommitIds.hex(apartParents, (apartStart[j] + p) * idBytes, idBytes);
        }
        return List.of(parents);
    }

    private Commit commit(int index, String previous) {
        int k = at(index);
        List<String> parents = parentsApart(k);
        if (parents == null) {
            parents = List.of(previous);
        }
        String message = new String(
                messages, (int) messageStart[k], (int) (messageStart[k + 1] - messageStart[k]), StandardCharsets.UTF_8);
        return new Commit(
                id(index),
                parents,
                authors[authorOf[k]],
                Instant.ofEpochSecond(authorSeconds[k]),
                message,
                fileStart[k + 1] - fileStart[k]);
    }

    /** Position of a full commit id on the chain, or -1. */
    public int indexOf(String commitId) {
        if (commitId == null || commitId.length() != idBytes * 2) {
            return -1;
        }
        byte[] id = new byte[idBytes];
        if (!CommitIds.parse(commitId, id, 0, idBytes)) {
            return -1;
        }
        return positions[slotOf(id, 0)] - 1;
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
            // no ids: spelling two of them out was most of the cost of a pass over a million builds
            ChangeRange range = Objects.checkIndex(index, size) == 0
                    ? ChangeRange.firstBuild(null)
                    : new ChangeRange(RangeStatus.RESOLVED, null, null, List.of(), List.of(), "");
            return new BuildChanges(build(index, null), range);
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
