package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.FileChange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files changed over several diffs: each path (with its old path) once, first change kept. */
final class FileUnion {
    private FileUnion() {}

    static List<FileChange> of(Collection<List<FileChange>> diffs) {
        if (diffs.size() == 1) {
            return diffs.iterator().next();
        }
        Map<String, FileChange> union = new LinkedHashMap<>();
        for (List<FileChange> diff : diffs) {
            for (FileChange change : diff) {
                String key = change.oldPath() == null ? change.path() : change.path() + '\0' + change.oldPath();
                union.putIfAbsent(key, change);
            }
        }
        return new ArrayList<>(union.values());
    }
}
