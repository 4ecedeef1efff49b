package dev.rebuildcauses.analysis.dockerfile;

import java.util.List;
import java.util.Objects;

/**
 * Every revision of one Dockerfile, oldest first; the last one is the current file.
 *
 * @param path the file's path in the repository
 * @param revisions its revisions, oldest first, at least one
 */
public record DockerfileHistory(String path, List<DockerfileRevision> revisions) {
    public DockerfileHistory {
        Objects.requireNonNull(path, "path");
        revisions = List.copyOf(revisions);
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("a Dockerfile history needs at least one revision: " + path);
        }
    }

    public DockerfileRevision current() {
        return revisions.get(revisions.size() - 1);
    }
}
