package dev.rebuildcauses.analysis.model;

import java.util.Objects;

/**
 * A build with the causes its change range carries: the input of mining.
 *
 * @param build the build
 * @param range its change range
 * @param causes its causes, never empty
 */
public record ClassifiedBuild(Build build, ChangeRange range, CauseSet causes) {
    public ClassifiedBuild {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(causes, "causes");
    }

    public boolean has(String cause) {
        return causes.contains(cause);
    }
}
