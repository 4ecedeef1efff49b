package dev.rebuildcauses.harvest.jenkins;

import java.util.List;

/**
 * One git BuildData action of a build: what it built, from where.
 *
 * @param sha1 the built revision
 * @param branch the built branch, e.g. {@code origin/main}, or {@code ""}
 * @param remoteUrls the repositories of this checkout (empty on Hudson)
 */
public record BuiltRevision(String sha1, String branch, List<String> remoteUrls) {
    public BuiltRevision {
        remoteUrls = List.copyOf(remoteUrls);
    }
}
