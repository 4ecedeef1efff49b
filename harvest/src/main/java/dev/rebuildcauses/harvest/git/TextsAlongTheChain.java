package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import java.util.HashMap;
import java.util.Map;

/**
 * Texts of files along a walked chain, named {@code REV:path} as a snapshot reads them, from their
 * versions at the chain's steps that changed them: at each such step, the version of that commit, and
 * at the step before, the version of the change before it (no step in between changed the file). A
 * pass that reads a file at the commits that change it, and at their parents to compare, then needs
 * nothing more from git.
 */
final class TextsAlongTheChain {
    private TextsAlongTheChain() {}

    /**
     * The texts of {@code changed} ({@code REV:path}, read at commits of the chain whose step brought
     * the file there), and of the steps before the next changes of those files.
     */
    static Map<String, String> ofChanges(FirstParentHistory walked, Map<String, String> changed) {
        Map<String, Following> byPath = new HashMap<>();
        changed.forEach((name, text) -> {
            int colon = name.indexOf(':');
            byPath.computeIfAbsent(name.substring(colon + 1), Following::new)
                    .versions
                    .put(name.substring(0, colon), text);
        });
        return along(walked, byPath);
    }

    private static Map<String, String> along(FirstParentHistory walked, Map<String, Following> byPath) {
        Map<String, String> texts = new HashMap<>();
        if (byPath.isEmpty()) {
            return texts;
        }
        for (int step = 0; step < walked.size(); step++) {
            for (int j = 0, count = walked.fileCount(step); j < count; j++) {
                FileChange change = walked.file(step, j);
                Following gone = change.oldPath() == null ? null : byPath.get(change.oldPath());
                if (gone != null) {
                    gone.changedAt(walked, step, null, texts); // moved away: not known until it is back
                }
                Following following = byPath.get(change.path());
                if (following != null) {
                    String text = change.kind() == ChangeKind.DELETE ? null : following.versions.get(walked.id(step));
                    following.changedAt(walked, step, text, texts);
                }
            }
        }
        return texts;
    }

    /** One file followed along the chain: its versions by commit, and what is known of it so far. */
    private static final class Following {
        private final String path;
        private final Map<String, String> versions = new HashMap<>();
        private String current;
        private int changedAt = -1;

        Following(String path) {
            this.path = path;
        }

        /** Step {@code step} changed the file to {@code text} ({@code null}: not known). */
        void changedAt(FirstParentHistory walked, int step, String text, Map<String, String> texts) {
            if (current != null && step - 1 > changedAt) {
                texts.put(walked.id(step - 1) + ":" + path, current);
            }
            current = text;
            changedAt = step;
            if (text != null) {
                texts.put(walked.id(step) + ":" + path, text);
            }
        }
    }
}
