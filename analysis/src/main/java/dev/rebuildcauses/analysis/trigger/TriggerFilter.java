package dev.rebuildcauses.analysis.trigger;

import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ChangesOmitted;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.analysis.model.PickedList;
import dev.rebuildcauses.analysis.model.RangeStatus;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Drops the commits of a scanned history that the repository's CI triggers would not build: each
 * commit is judged by the triggers of its own revision (read again only where a commit changes a
 * CI file). Only for builds made one per first-parent commit, whose files are the tree diff from the
 * commit before; real builds listed from Jenkins ran already.
 */
public final class TriggerFilter {
    /**
     * What was kept and what skipped.
     *
     * @param builds the builds the triggers run, in the given order
     * @param skipped how many commits they skip
     * @param skippedBy the filters that skipped them, e.g. {@code .github/workflows/docker.yml: on.push.paths}
     */
    public record Result(List<BuildChanges> builds, int skipped, String skippedBy) {}

    private final CiTriggerReader reader;

    public TriggerFilter(CiTriggerReader reader) {
        this.reader = reader;
    }

    public Result apply(List<BuildChanges> builds) throws SnapshotException {
        // positions, not builds: builds made on demand stay so
        int[] kept = new int[builds.size()];
        int keptCount = 0;
        Set<String> by = new LinkedHashSet<>();
        int skipped = 0;
        CiTriggers triggers = null;
        // only files and revisions are read: builds made on demand are made without their commits
        List<BuildChanges> commitless = ChangesOmitted.withoutCommitsView(builds);
        for (int i = 0; i < builds.size(); i++) {
            ChangeRange range = commitless.get(i).range();
            if (range.status() != RangeStatus.RESOLVED || range.files().isEmpty() || range.toRevision() == null) {
                kept[keptCount++] = i;
                continue;
            }
            boolean ciChanged = false;
            for (FileChange change : range.files()) {
                ciChanged |= CiTriggerReader.isTriggerFile(change.path())
                        || (change.oldPath() != null && CiTriggerReader.isTriggerFile(change.oldPath()));
            }
            if (triggers == null || ciChanged) {
                // one build per first-parent commit: its files are the tree diff from the build before
                triggers = reader.read(range.toRevision(), range.fromRevision(), range.files());
            }
            // without a trigger nothing is skipped: no need to list the paths
            Optional<String> skip =
                    triggers.filters().isEmpty() ? Optional.empty() : triggers.skippedBy(pathsOf(range));
            if (skip.isPresent()) {
                skipped++;
                by.add(skip.get());
            } else {
                kept[keptCount++] = i;
            }
        }
        return new Result(PickedList.of(builds, kept, keptCount), skipped, String.join("; ", by));
    }

    private static List<String> pathsOf(ChangeRange range) {
        List<String> paths = new ArrayList<>();
        for (FileChange change : range.files()) {
            paths.add(change.path());
            if (change.oldPath() != null) {
                paths.add(change.oldPath());
            }
        }
        return paths;
    }
}
