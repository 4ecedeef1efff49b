package dev.rebuildcauses.analysis.dockerfile;

import java.util.List;

/**
 * The cache breaks of one Dockerfile and the file rewritten without them.
 *
 * @param path the Dockerfile's path
 * @param breaks each code copy that precedes dependency installs
 * @param reorderedDockerfile the file with manifests copied first, then the installs, then the code
 * @param runInstructions how many {@code RUN}s the file has, for estimating the installs' share
 */
public record CacheReorder(String path, List<CacheBreak> breaks, String reorderedDockerfile, int runInstructions) {
    public CacheReorder {
        breaks = List.copyOf(breaks);
    }

    public int movedInstalls() {
        return breaks.stream().mapToInt(b -> b.installs().size()).sum();
    }
}
