package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the first-parent chain of a tip with each commit's first-parent diff, and every other commit
 * reachable from it: one {@code git log} of the whole graph writes to a scratch file at full speed (no
 * pipe to fill and wait on) while the parser follows close behind, telling the chain from the rest by
 * following first parents from the tip. The commits merges brought cost git a diff each (about a sixth
 * more log where a sixth of the commits came by merges), where listing the graph apart cost git as much
 * as parsing every commit once more: a second of CPU per 100,000 commits.
 */
final class FirstParentLog {
    static final int PROGRESS_EVERY = 4_096;

    private final GitCommand git;
    private final List<String> diffOptions;
    private final int progressEvery;

    FirstParentLog(GitCommand git, List<String> diffOptions) {
        this(git, diffOptions, PROGRESS_EVERY);
    }

    /** Tells progress every {@code progressEvery} commits of the chain read. */
    FirstParentLog(GitCommand git, List<String> diffOptions, int progressEvery) {
        this.git = git;
        this.diffOptions = List.copyOf(diffOptions);
        this.progressEvery = Math.max(1, progressEvery);
    }

    /** The chain and the commits merges brought into it, and the texts read along it. */
    record Walked(FirstParentHistory.Builder chain, CommitGraph graph, Map<String, String> texts) {
        /** The chain as the history of {@code branch}. */
        FirstParentHistory history(String branch) {
            return chain.build(branch, graph, texts);
        }
    }

    /**
     * The chain from {@code tip}, oldest first, and every other commit reachable from it. {@code progress}
     * hears the chain's commits read, every {@value #PROGRESS_EVERY} by default (the total is known only at
     * the end), and may throw to cancel: no git process and no scratch file is left behind.
     */
    Walked read(String tip, WalkProgress progress) throws HarvestException {
        return read(tip, progress, null);
    }

    /**
     * Like {@link #read(String, WalkProgress)}, with {@code texts} reading the files that chain commits
     * bring as the walk meets them (see {@link WalkTextReader}); {@code null} reads none.
     */
    Walked read(String tip, WalkProgress progress, WalkTextReader texts) throws HarvestException {
        Path out = createScratch();
        GitCommand.Running log = null;
        boolean finished = false;
        try {
            List<String> args = new ArrayList<>(List.of("log"));
            args.addAll(diffOptions);
            args.addAll(List.of(tip, "--"));
            log = git.start(args, null, out);
            log.process().getOutputStream().close();
            Chain chain = new Chain(tip, texts);
            try (InputStream in = new GrowingFileInputStream(out, log.process())) {
                // a history repeats the same few thousand changes and authors: one instance each keeps a walk small
                GitLogParser.parse(in, new HashMap<>(), entry -> {
                    int before = chain.newestFirst.size();
                    chain.offer(entry);
                    int after = chain.newestFirst.size();
                    if (after / progressEvery > before / progressEvery) {
                        progress.advanced(after, -1);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            log.requireSuccess();
            int total = chain.newestFirst.size();
            progress.advanced(total, total);
            finished = true;
            return new Walked(chain.newestFirst, CommitGraph.of(chain.off), texts == null ? Map.of() : texts.finish());
        } catch (IOException e) {
            throw new HarvestException(
                    FailureKind.LOCAL, "cannot read the history of " + tip + ": " + e.getMessage(), e);
        } finally {
            if (!finished && log != null) {
                log.process().destroy(); // a failure or a progress listener that gave up: leave no git behind
            }
            if (!finished && texts != null) {
                texts.cancel();
            }
            deleteQuietly(out);
        }
    }

    /**
     * Follows first parents from the tip through a log listing every commit once, children before
     * parents as a rule. A commit listed before its child on the chain (a committer clock set wrong)
     * waits among the others and joins the chain when that child is met.
     */
    private static final class Chain {
        private final FirstParentHistory.Builder newestFirst = new FirstParentHistory.Builder();
        /** Commits not (yet) on the chain. */
        private final SideCommits off = new SideCommits();

        private final WalkTextReader texts;
        private String expected;

        Chain(String tip, WalkTextReader texts) {
            this.expected = tip;
            this.texts = texts;
        }

        void offer(LogEntry entry) {
            if (!entry.id().equals(expected)) {
                off.add(entry);
                newestFirst.offChain(entry);
                return;
            }
            // into columns while git still writes: the entry itself is left to the collector at once
            for (LogEntry next = entry; next != null; next = expected == null ? null : off.take(expected)) {
                if (next != entry) {
                    newestFirst.listedBeforeItsChild();
                }
                newestFirst.add(next);
                if (texts != null) {
                    texts.offer(next);
                }
                expected = next.firstParent();
            }
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
