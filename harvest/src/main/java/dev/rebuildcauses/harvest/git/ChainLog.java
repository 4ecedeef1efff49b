package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads the first-parent chain of a tip with each commit's first-parent diff, using every core: one
 * {@code git rev-list --parents} lists every commit (ids only), the chain is followed through it by
 * first parents, and as it streams the chain is cut into segments, each read by one {@code git log --no-walk=unsorted --stdin} whose output goes to
 * a scratch file and is parsed there. Git's tree diffs, the bulk of the work, run on all cores at once
 * and no pipe stands between git and its output; a single {@code git log --first-parent} uses one core
 * and the pipe to the parser costs it about a third more.
 */
final class ChainLog {
    static final int FIRST_SEGMENT = 4_096;
    static final int MAX_SEGMENT = 32_768;
    private static final int LISTING_PROGRESS_EVERY = 4_096;

    private final GitCommand git;
    private final List<String> diffOptions;
    private final int firstSegment;
    private final int maxSegment;
    private final int workers;

    ChainLog(GitCommand git, List<String> diffOptions) {
        this(git, diffOptions, FIRST_SEGMENT, MAX_SEGMENT, Runtime.getRuntime().availableProcessors());
    }

    /** Segments start at {@code firstSegment} commits and double up to {@code maxSegment}. */
    ChainLog(GitCommand git, List<String> diffOptions, int firstSegment, int maxSegment, int workers) {
        this.git = git;
        this.diffOptions = List.copyOf(diffOptions);
        this.firstSegment = firstSegment;
        this.maxSegment = Math.max(firstSegment, maxSegment);
        this.workers = Math.max(1, workers);
    }

    /** The chain, oldest first, and the commits merges brought into it. */
    record Walked(List<LogEntry> chain, CommitGraph graph) {}

    /**
     * The chain from {@code tip}, oldest first, and every other commit reachable from it. {@code progress}
     * hears the segments read (the total once the listing is complete, -1 before), and may throw to cancel.
     */
    Walked read(String tip, WalkProgress progress) throws HarvestException {
        Path scratch = createScratch();
        ExecutorService pool = Executors.newFixedThreadPool(workers, daemonThreads());
        Set<Process> running = ConcurrentHashMap.newKeySet();
        Map<Object, Object> shared = new ConcurrentHashMap<>();
        List<Future<LogEntry[]>> segments = new ArrayList<>();
        boolean finished = false;
        try {
            // segments start while the listing goes on: without a commit-graph file, listing a long
            // history costs a third of the log itself, and it need not come first
            Listing listing = list(tip, progress, ids -> {
                Segment segment = new Segment(segments.size(), ids);
                segments.add(pool.submit(() -> segment.read(scratch, shared, running)));
            });
            // the commits off the chain are read beside the segments still running
            FutureTask<CommitGraph> graph = new FutureTask<>(() -> CommitGraph.read(git, listing.side(), running));
            if (!listing.side().isEmpty()) {
                Thread side = new Thread(graph, "git-log-side");
                side.setDaemon(true);
                side.start();
            }
            List<String> newestFirst = listing.chain();
            int total = newestFirst.size();
            LogEntry[] oldestFirst = new LogEntry[total];
            int position = 0;
            for (Future<LogEntry[]> segment : segments) {
                for (LogEntry entry : await(segment)) {
                    oldestFirst[total - 1 - position] = sharingIds(entry, newestFirst, position);
                    position++;
                }
                progress.advanced(position, total);
            }
            CommitGraph commits = listing.side().isEmpty() ? CommitGraph.EMPTY : await(graph);
            finished = true;
            return new Walked(Arrays.asList(oldestFirst), commits);
        } finally {
            if (!finished) {
                // a failed segment or a progress listener that gave up: leave no git and no file behind
                segmentsCancelled(pool, running);
            }
            pool.shutdown();
            awaitQuietly(pool);
            deleteQuietly(scratch);
        }
    }

    /**
     * The chain newest first, and the ids of the commits off it in the order listed.
     */
    private record Listing(List<String> chain, List<String> side) {}

    /**
     * Lists every commit reachable from {@code tip} with one {@code git rev-list --parents}, newest first,
     * and follows first parents from the tip to tell the chain from the commits merges brought: one
     * listing serves both, where a first-parent listing and a second one of the whole graph cost git
     * about a second of CPU each per 100,000 commits. Each segment's ids go to {@code segments} as soon
     * as they are listed. A commit listed before its child on the chain (a committer clock set wrong)
     * joins the chain when that child is met.
     */
    private Listing list(String tip, WalkProgress progress, Consumer<List<String>> segments) throws HarvestException {
        GitCommand.Running list = git.start(List.of("rev-list", "--parents", tip));
        List<String> ids = new ArrayList<>();
        // commits not (yet) on the chain, with their first parent ("" for a root)
        Map<String, String> off = new LinkedHashMap<>();
        String expected = tip;
        boolean read = false;
        int segmentStart = 0;
        int size = firstSegment;
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
                ids.add(id);
                expected = firstParent;
                // a first parent listed early waits in the side map: it belongs to the chain after all
                for (String early; (early = off.remove(expected)) != null; expected = early) {
                    ids.add(expected);
                }
                if (ids.size() - segmentStart >= size) {
                    segments.accept(List.copyOf(ids.subList(segmentStart, ids.size())));
                    segmentStart = ids.size();
                    size = Math.min(size * 2, maxSegment);
                }
                if (ids.size() % LISTING_PROGRESS_EVERY == 0) {
                    progress.advanced(0, -1);
                }
            }
            if (segmentStart < ids.size()) {
                segments.accept(List.copyOf(ids.subList(segmentStart, ids.size())));
            }
            read = true;
        } catch (IOException e) {
            throw new HarvestException(
                    FailureKind.LOCAL, "cannot list the history of " + tip + ": " + e.getMessage(), e);
        } finally {
            if (!read) {
                list.process().destroy();
            }
        }
        list.requireSuccess();
        return new Listing(ids, List.copyOf(off.keySet()));
    }

    /** The first parent on a {@code rev-list --parents} line, or {@code ""} for a root commit. */
    private static String firstParent(String line, int space) {
        if (space < 0) {
            return "";
        }
        int next = line.indexOf(' ', space + 1);
        return next < 0 ? line.substring(space + 1) : line.substring(space + 1, next);
    }

    /** Consecutive commits of the newest-first listing, read by one {@code git log --no-walk}. */
    private final class Segment {
        private final int number;
        private final List<String> ids;

        Segment(int number, List<String> ids) {
            this.number = number;
            this.ids = ids;
        }

        LogEntry[] read(Path scratch, Map<Object, Object> shared, Set<Process> running)
                throws HarvestException, IOException {
            Path input = scratch.resolve(number + ".ids");
            Path out = scratch.resolve(number + ".log");
            StringBuilder text = new StringBuilder(ids.size() * 41);
            for (String id : ids) {
                text.append(id).append('\n');
            }
            Files.writeString(input, text, StandardCharsets.US_ASCII);
            List<String> args = new ArrayList<>(List.of("log", "--no-walk=unsorted", "--stdin"));
            args.addAll(diffOptions);
            GitCommand.Running log = git.start(args, input, out);
            running.add(log.process());
            try {
                log.requireSuccess();
            } finally {
                running.remove(log.process());
            }
            LogEntry[] entries = new LogEntry[ids.size()];
            AtomicInteger position = new AtomicInteger();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(out), 1 << 16)) {
                GitLogParser.parse(in, shared, entry -> {
                    int i = position.getAndIncrement();
                    if (i >= ids.size() || !entry.id().equals(ids.get(i))) {
                        throw new UncheckedIOException(new IOException("git log printed commit " + entry.id()
                                + " where " + (i < ids.size() ? ids.get(i) : "no more commits") + " was expected"));
                    }
                    entries[i] = entry;
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } finally {
                Files.deleteIfExists(input);
                Files.deleteIfExists(out);
            }
            if (position.get() != ids.size()) {
                throw new IOException(
                        "git log printed " + position.get() + " of the " + ids.size() + " commits asked for");
            }
            return entries;
        }
    }

    /**
     * {@code entry} with its id and first parent taken from the listing: one string per commit for the
     * whole history instead of one for the commit and another for its child's parent list.
     */
    private static LogEntry sharingIds(LogEntry entry, List<String> newestFirst, int i) {
        List<String> parents = entry.parents();
        if (i + 1 < newestFirst.size() && !parents.isEmpty() && parents.get(0).equals(newestFirst.get(i + 1))) {
            if (parents.size() == 1) {
                parents = List.of(newestFirst.get(i + 1));
            } else {
                List<String> shared = new ArrayList<>(parents);
                shared.set(0, newestFirst.get(i + 1));
                parents = List.copyOf(shared);
            }
        }
        return new LogEntry(
                newestFirst.get(i),
                parents,
                entry.author(),
                entry.authorTime(),
                entry.commitTime(),
                entry.message(),
                entry.files());
    }

    private static <T> T await(Future<T> segment) throws HarvestException {
        try {
            return segment.get();
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

    private static void segmentsCancelled(ExecutorService pool, Set<Process> running) {
        pool.shutdownNow();
        running.forEach(Process::destroy);
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path createScratch() throws HarvestException {
        try {
            return Files.createTempDirectory("rebuild-causes-walk");
        } catch (IOException e) {
            throw new HarvestException(FailureKind.LOCAL, "cannot create a scratch folder: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            GitMirrors.deleteTree(folder);
        } catch (IOException e) {
            // a leftover scratch file in the temporary folder is not worth failing a finished walk
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "git-log-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
