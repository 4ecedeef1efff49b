package dev.rebuildcauses.app;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What {@code report} was asked to do.
 *
 * @param configFile the rebuild-causes.yml naming the store
 * @param outDir where the report goes
 * @param since first start time included, or {@code null}
 * @param until start times before this are included, or {@code null}
 * @param jobGlob job full-name glob, or {@code null} for every job
 * @param rulesFile rules overriding the config's, or {@code null}
 * @param quiet no progress on stderr
 */
public record ReportConfig(
        Path configFile, Path outDir, Instant since, Instant until, String jobGlob, Path rulesFile, boolean quiet) {}
