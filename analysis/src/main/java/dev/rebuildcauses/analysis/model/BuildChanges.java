package dev.rebuildcauses.analysis.model;

import java.util.Objects;

/** A build with its resolved change range: the input of classification. */
public record BuildChanges(Build build, ChangeRange range) {
    public BuildChanges {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(range, "range");
    }
}
