package dev.rebuildcauses.harvest.config;

import dev.rebuildcauses.harvest.model.JobGlob;

/**
 * One entry of {@code changes.repositories}: jobs matching a glob build from this repository.
 *
 * @param jobGlob job full-name glob
 * @param location a local clone (absolute path) or a clone URL
 */
public record RepositoryMapping(String jobGlob, String location) {
    public boolean matches(String job) {
        return JobGlob.of(jobGlob).matches(job);
    }

    /** True when the location is a clone URL rather than a local path. */
    public boolean isUrl() {
        return looksLikeUrl(location);
    }

    static boolean looksLikeUrl(String location) {
        return location.contains("://") || location.matches("^[^/\\s]+@[^/\\s:]+:.*");
    }
}
