package dev.rebuildcauses.app;

import java.nio.file.Path;

/**
 * What {@code scan} was asked to do.
 *
 * @param repository the local clone
 * @param branch whose first-parent history is walked
 * @param buildsFile builds to join to the history, {@code null} to take each first-parent commit as a build
 * @param rulesFile rules that replace or extend the defaults, {@code null} for the defaults
 * @param outDir where the report goes
 * @param quiet no progress on stderr
 */
public record ScanConfig(Path repository, String branch, Path buildsFile, Path rulesFile, Path outDir, boolean quiet) {}
