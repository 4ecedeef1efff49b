package dev.rebuildcauses.harvest.git;

import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.dockerfile.DockerfileRevision;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts of Dockerfiles along a walked chain, named {@code REV:path} as a snapshot reads them, from
 * histories whose commits are the chain's steps that changed them (see {@link WalkedDockerfileCommits}):
 * at each such step, the version of that commit, and at the step before, the version of the change
 * before it (no step in between changed the file). The classification reads a Dockerfile at just those
 * revisions; read once for the advice, they need not be read from git again.
 */
final class WalkedDockerfileTexts {
    private WalkedDockerfileTexts() {}

    /** The texts of {@code histories}' Dockerfiles known along {@code walked}, by {@code REV:path}. */
    static Map<String, String> of(FirstParentHistory walked, List<DockerfileHistory> histories) {
        Map<String, Following> byPath = new HashMap<>();
        for (DockerfileHistory history : histories) {
            Following following = new Following(history.path());
            for (DockerfileRevision revision : history.revisions()) {
                following.versions.put(revision.revision(), revision.content());
            }
            byPath.put(history.path(), following);
        }
        Map<String, String> texts = new HashMap<>();
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

    /** One Dockerfile followed along the chain: its versions by commit, and what is known of it so far. */
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
