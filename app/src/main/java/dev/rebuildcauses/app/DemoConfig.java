package dev.rebuildcauses.app;

import java.nio.file.Path;

/**
 * The options of {@code demo}.
 *
 * @param dataDir the store's folder, {@code null} for a temporary one removed at the end
 */
public record DemoConfig(Path outDir, Path dataDir, boolean quiet, int latencyMillis, int builds, long seed) {}
