package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the first-parent chain of a tip with each commit's first-parent diff: one {@code git log
 * --first-parent} writes to a scratch file at full speed (no pipe to fill and wait on) while the
 * parser follows close behind, and once the log shows a merge the rest of the graph ({@link
 * CommitGraph}) is read on another core. Git's own log is the walk's floor; cutting the chain into
 * segments read in parallel needed a listing of the chain first, which at 1,000,000 commits cost
 * git more than the second core gave back.
 */
final class FirstParentLog {
    static final int PROGRESS_EVERY = 4_096;

    private final GitCommand git;
    private final List<String> diffOptions;

    private final int progressEvery;

    FirstParentLog(GitCommand git, List<String> diffOptions) {
        this(git, diffOptions, PROGRESS_EVERY);
    }

    /** Tells progress every {@code progressEvery} commits read. */
    FirstParentLog(GitCommand git, List<String> diffOptions, int progressEvery) {
        this.git = git;
        this.diffOptions = List.copyOf(diffOptions);
        this.progressEvery = Math.max(1, progressEvery);
    }

    /** The chain, oldest first, and the commits merges brought into it. */
    record Walked(List<LogEntry> chain, CommitGraph graph) {}

    /**
     * The chain from {@code tip}, oldest first, and every other commit reachable from it. {@code progress}
     * hears the commits read, every {@value #PROGRESS_EVERY} by default (with the total once the graph's listing knows
     * it, -1 before) and may throw to cancel: no git process and no scratch file is left behind.
     */
    Walked read(String tip, WalkProgress progress) throws HarvestException {
        Path out = createScratch();
        Set<Process> running = ConcurrentHashMap.newKeySet();
        AtomicInteger total = new AtomicInteger(-1);
        FutureTask<CommitGraph> graph = new FutureTask<>(() -> CommitGraph.read(git, tip, running, total::set));
        AtomicBoolean merged = new AtomicBoolean();
        boolean finished = false;
        try {
            List<String> args = new ArrayList<>(List.of("log", "--first-parent"));
            args.addAll(diffOptions);
            args.addAll(List.of(tip, "--"));
            GitCommand.Running log = git.start(args, null, out);
            running.add(log.process());
            log.process().getOutputStream().close();
            List<LogEntry> newestFirst = new ArrayList<>();
            try (InputStream in = new GrowingFileInputStream(out, log.process())) {
                // a history repeats the same few thousand changes and authors: one instance each keeps a walk small
                GitLogParser.parse(in, new HashMap<>(), entry -> {
                    newestFirst.add(entry);
                    if (entry.parents().size() > 1 && merged.compareAndSet(false, true)) {
                        Thread reader = new Thread(graph, "git-graph");
                        reader.setDaemon(true);
                        reader.start();
                    }
                    if (newestFirst.size() % progressEvery == 0) {
                        progress.advanced(newestFirst.size(), total.get());
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            log.requireSuccess();
            CommitGraph commits = merged.get() ? await(graph) : CommitGraph.EMPTY;
            progress.advanced(newestFirst.size(), newestFirst.size());
            finished = true;
            return new Walked(oldestFirst(newestFirst), commits);
        } catch (IOException e) {
            throw new HarvestException(
                    FailureKind.LOCAL, "cannot read the history of " + tip + ": " + e.getMessage(), e);
        } finally {
            if (!finished) {
                // a failure or a progress listener that gave up: leave no git behind
                graph.cancel(true);
                running.forEach(Process::destroy);
            }
            deleteQuietly(out);
        }
    }

    /**
     * The chain oldest first, each commit's first parent the very id string of the commit before it:
     * one string per commit for the whole history instead of one for the commit and another for its
     * child's parent list.
     */
    private static List<LogEntry> oldestFirst(List<LogEntry> newestFirst) {
        int total = newestFirst.size();
        LogEntry[] chain = new LogEntry[total];
        for (int i = 0; i < total; i++) {
            LogEntry entry = newestFirst.get(i);
            List<String> parents = entry.parents();
            if (i + 1 < total && !parents.isEmpty()) {
                String parentId = newestFirst.get(i + 1).id();
                if (parents.get(0).equals(parentId)) {
                    List<String> shared = new ArrayList<>(parents);
                    shared.set(0, parentId);
                    parents = List.copyOf(shared);
                }
            }
            chain[total - 1 - i] = parents == entry.parents()
                    ? entry
                    : new LogEntry(
                            entry.id(),
                            parents,
                            entry.author(),
                            entry.authorTime(),
                            entry.commitTime(),
                            entry.message(),
                            entry.files());
        }
        return Arrays.asList(chain);
    }

    private static <T> T await(FutureTask<T> task) throws HarvestException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestException(FailureKind.LOCAL, "interrupted while reading the history", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HarvestException harvest) {
                throw harvest;
            }
            throw new HarvestException(
                    FailureKind.LOCAL,
                    "cannot read the history: " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    private static Path createScratch() throws HarvestException {
        try {
            return Files.createTempFile("rebuild-causes-walk", ".log");
        } catch (IOException e) {
            throw new HarvestException(FailureKind.LOCAL, "cannot create a scratch file: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover scratch file in the temporary folder is not worth failing a finished walk
        }
    }
}
