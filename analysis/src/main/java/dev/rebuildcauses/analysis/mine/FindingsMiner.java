package dev.rebuildcauses.analysis.mine;

import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.util.Collection;

/** Mines the findings of DESIGN.md from classified builds. CONTRACT STUB: the core helper implements it. */
public final class FindingsMiner {
    private FindingsMiner() {}

    public static Findings mine(Collection<ClassifiedBuild> builds) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
