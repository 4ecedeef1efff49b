package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.harvest.git.CatFileProcess.GitObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

/**
 * Reads, while the walk goes on, the files each chain commit brings (adds, modifies, renames or copies
 * to) whose paths {@code wanted} accepts, at that commit: with a cat-file of its own on a thread of its
 * own, as the walk names them, so the passes after the walk (the CI triggers, the repository models) find
 * them read. On two cores git's log leaves the second half idle while the parser follows it. Texts are
 * kept up to {@code byteLimit} characters; beyond that, and after any failure, the passes read for
 * themselves.
 */
final class WalkTextReader {
    private static final String END = "";

    private final Predicate<String> wanted;
    private final long byteLimit;
    private final CatFileProcess catFile;
    private final LinkedBlockingQueue<String> names = new LinkedBlockingQueue<>();
    private final Map<String, String> texts = new HashMap<>(); // guarded by this
    private final Thread thread;
    private long bytes; // guarded by this
    private volatile boolean full;

    WalkTextReader(CatFileProcess catFile, Predicate<String> wanted, long byteLimit) {
        this.catFile = catFile;
        this.wanted = wanted;
        this.byteLimit = byteLimit;
        this.thread = new Thread(this::readAll, "walk-texts");
        thread.setDaemon(true);
        thread.start();
    }

    /** Takes note of a commit of the chain: the wanted files it brings are read at it. Called by the walk. */
    void offer(LogEntry commit) {
        if (full) {
            return;
        }
        for (FileChange change : commit.files()) {
            if (change.kind() != ChangeKind.DELETE && wanted.test(change.path())) {
                names.add(commit.id() + ":" + change.path());
            }
        }
    }

    /** Waits for the texts named so far, then ends git: the texts read, by {@code REV:path}. */
    Map<String, String> finish() {
        names.add(END);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            return texts;
        }
    }

    /** Stops reading at once (a walk that failed or was cancelled), leaving no git behind. */
    void cancel() {
        full = true;
        thread.interrupt();
        finish();
    }

    private void readAll() {
        try {
            List<String> batch = new ArrayList<>();
            while (true) {
                batch.clear();
                batch.add(names.take());
                names.drainTo(batch, CatFileProcess.BATCH - 1);
                boolean ended = batch.remove(END);
                if (!full && !batch.isEmpty()) {
                    keep(batch, catFile.lookup(batch));
                }
                if (ended) {
                    return;
                }
            }
        } catch (SnapshotException | RuntimeException e) {
            full = true; // the passes read what is missing themselves, and meet the failure there if it lasts
        } catch (InterruptedException e) {
            full = true;
        } finally {
            catFile.close();
        }
    }

    private synchronized void keep(List<String> batch, List<Optional<GitObject>> found) {
        for (int i = 0; i < batch.size(); i++) {
            Optional<String> text = GitRepositorySnapshot.textOf(found.get(i));
            if (text.isPresent()) {
                texts.put(batch.get(i), text.get());
                bytes += batch.get(i).length() + text.get().length();
            }
        }
        full |= bytes >= byteLimit;
    }
}
