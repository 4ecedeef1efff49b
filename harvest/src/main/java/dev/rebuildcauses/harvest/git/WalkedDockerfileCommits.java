package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commits of Dockerfiles as {@code git log --follow} lists them, taken from the diffs of a walked
 * chain instead. {@code --follow} lists every commit but merges whose diff names the file, in the
 * log's order; when no commit off the chain changed the file and no merge's diff names it, those
 * are the chain's steps whose diffs name it, in the chain's order. Only where that is sure to be
 * {@code --follow}'s answer: every commit only modified the file except the oldest, which added it
 * alongside no deletion or rename (else {@code --follow} might have taken the file on to an older
 * path); any other file is left to git.
 */
final class WalkedDockerfileCommits {
    private WalkedDockerfileCommits() {}

    /**
     * For each of {@code paths} whose commits the walk answers, those commits newest first; the others
     * are missing. Empty when {@code walked} does not end at {@code revision}.
     */
    static Map<String, List<GitDockerfileHistoryReader.LoggedCommit>> of(
            FirstParentHistory walked, String revision, Collection<String> paths) {
        int size = walked.size();
        if (size == 0 || !walked.id(size - 1).equals(revision)) {
            return Map.of();
        }
        Set<String> wanted = new HashSet<>(paths);
        Map<String, List<Integer>> touching = new HashMap<>();
        Set<String> unsure = new HashSet<>();
        for (int step = size - 1; step >= 0; step--) {
            int files = walked.fileCount(step);
            for (int j = 0; j < files; j++) {
                FileChange change = walked.file(step, j);
                if (change.oldPath() != null && wanted.contains(change.oldPath())) {
                    unsure.add(change.oldPath()); // moved away, then back: --follow decides
                }
                if (!wanted.contains(change.path())) {
                    continue;
                }
                List<Integer> steps = touching.computeIfAbsent(change.path(), path -> new ArrayList<>());
                boolean olderTouched = !steps.isEmpty() && isAdd(walked, steps.get(steps.size() - 1), change.path());
                if (olderTouched
                        || walked.isMerge(step)
                        || !(change.kind() == ChangeKind.MODIFY || change.kind() == ChangeKind.ADD)) {
                    unsure.add(change.path()); // added again, merged, deleted, renamed or copied here
                }
                steps.add(step);
            }
        }
        Map<String, List<GitDockerfileHistoryReader.LoggedCommit>> found = new LinkedHashMap<>();
        for (String path : paths) {
            List<Integer> steps = touching.get(path);
            if (steps == null || unsure.contains(path) || walked.mayHaveChangedOffChain(path)) {
                continue;
            }
            int oldest = steps.get(steps.size() - 1);
            if (!isAdd(walked, oldest, path) || mayRenameInto(walked, oldest)) {
                continue;
            }
            List<GitDockerfileHistoryReader.LoggedCommit> commits = new ArrayList<>(steps.size());
            for (int step : steps) {
                commits.add(new GitDockerfileHistoryReader.LoggedCommit(
                        walked.id(step), walked.commitSeconds(step), path, null));
            }
            found.put(path, commits);
        }
        return found;
    }

    /** Whether step {@code step} added {@code path}. */
    private static boolean isAdd(FirstParentHistory walked, int step, String path) {
        int files = walked.fileCount(step);
        for (int j = 0; j < files; j++) {
            FileChange change = walked.file(step, j);
            if (change.path().equals(path)) {
                return change.kind() == ChangeKind.ADD;
            }
        }
        return false;
    }

    /** Whether step {@code step} deleted or renamed a file, which {@code --follow} may take for a rename source. */
    private static boolean mayRenameInto(FirstParentHistory walked, int step) {
        int files = walked.fileCount(step);
        for (int j = 0; j < files; j++) {
            ChangeKind kind = walked.file(step, j).kind();
            if (kind == ChangeKind.DELETE || kind == ChangeKind.RENAME) {
                return true;
            }
        }
        return false;
    }
}
