package dev.rebuildcauses.app;

import java.nio.file.Path;

/**
 * The options of {@code demo}.
 *
 * @param dataDir the store's folder, {@code null} for a temporary one removed at the end
 * @param serve whether the dashboard then serves the store until Ctrl-C
 * @param port the dashboard's port on loopback, 0 for any free one
 */
public record DemoConfig(
        Path outDir, Path dataDir, boolean quiet, int latencyMillis, int builds, long seed, boolean serve, int port) {
    /** Run and exit, as scripts and tests want it. */
    public DemoConfig(Path outDir, Path dataDir, boolean quiet, int latencyMillis, int builds, long seed) {
        this(outDir, dataDir, quiet, latencyMillis, builds, seed, false, 0);
    }
}
