package dev.rebuildcauses.harvest.run;

import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.harvest.changes.ChangeSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Linear histories where revision {@code <prefix>-<n>} follows {@code <prefix>-<n-1>}; commit n
 * changes no file when n is divisible by 5, else {@code Dockerfile} when divisible by 3, else
 * {@code src/f<n%4>.py}. Revisions containing {@code gone} are unknown, as after a force-push.
 */
final class FakeChangeSource implements ChangeSource {
    final List<String> calls = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Repositories this source has no clone or server for. */
    final Set<String> withoutSource = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final long sleepMillis;

    FakeChangeSource(long sleepMillis) {
        this.sleepMillis = sleepMillis;
    }

    @Override
    public boolean hasSourceFor(String repository) {
        return !withoutSource.contains(repository);
    }

    @Override
    public ChangeRange resolve(String repository, String fromRevision, String toRevision) {
        calls.add(repository + " " + fromRevision + ".." + toRevision);
        if (withoutSource.contains(repository)) {
            throw new IllegalStateException("asked for a repository without a source: " + repository);
        }
        if (sleepMillis > 0) {
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fromRevision.contains("gone") || toRevision.contains("gone")) {
            return ChangeRange.unknown(fromRevision, toRevision, "commit not found (404)");
        }
        String prefix = toRevision.substring(0, toRevision.lastIndexOf('-'));
        int from = number(fromRevision);
        int to = number(toRevision);
        List<Commit> commits = new ArrayList<>();
        Set<FileChange> files = new LinkedHashSet<>();
        for (int n = from + 1; n <= to; n++) {
            List<FileChange> changed = filesOf(n);
            commits.add(new Commit(
                    prefix + "-" + n,
                    List.of(prefix + "-" + (n - 1)),
                    "dev" + (n % 3),
                    Instant.ofEpochSecond(1_700_000_000L + n * 60L),
                    "commit " + n,
                    changed.size()));
            files.addAll(changed);
        }
        return ChangeRange.resolved(fromRevision, toRevision, commits, List.copyOf(files));
    }

    static List<FileChange> filesOf(int n) {
        if (n % 5 == 0) {
            return List.of();
        }
        if (n % 3 == 0) {
            return List.of(FileChange.of(ChangeKind.MODIFY, "Dockerfile"));
        }
        return List.of(FileChange.of(ChangeKind.MODIFY, "src/f" + (n % 4) + ".py"));
    }

    private static int number(String revision) {
        return Integer.parseInt(revision.substring(revision.lastIndexOf('-') + 1));
    }
}
