package dev.rebuildcauses.analysis.classify;

import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;

/** Turns a build's change range into its causes. CONTRACT STUB: the core helper implements it. */
public final class BuildClassifier {
    public BuildClassifier(PathClassifier paths) {}

    public ClassifiedBuild classify(BuildChanges build) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
