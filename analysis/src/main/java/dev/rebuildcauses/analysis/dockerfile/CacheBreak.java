package dev.rebuildcauses.analysis.dockerfile;

import java.util.List;

/**
 * A code copy that comes before dependency installs, so every code change re-runs them.
 *
 * @param codeCopy the {@code COPY}/{@code ADD} that brings code
 * @param installs the dependency-install {@code RUN}s after it that could come before it
 * @param manifestCopies the {@code COPY} lines to add before the installs so they still find their manifests
 */
public record CacheBreak(Instruction codeCopy, List<Instruction> installs, List<String> manifestCopies) {
    public CacheBreak {
        installs = List.copyOf(installs);
        manifestCopies = List.copyOf(manifestCopies);
    }
}
