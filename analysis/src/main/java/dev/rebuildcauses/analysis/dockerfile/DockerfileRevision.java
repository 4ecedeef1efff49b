package dev.rebuildcauses.analysis.dockerfile;

import java.time.Instant;
import java.util.Objects;

/**
 * One revision of a Dockerfile as the repository holds it.
 *
 * @param revision the commit id
 * @param time the commit time
 * @param content the file's text at that commit
 */
public record DockerfileRevision(String revision, Instant time, String content) {
    public DockerfileRevision {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(content, "content");
    }
}
