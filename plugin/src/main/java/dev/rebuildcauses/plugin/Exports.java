package dev.rebuildcauses.plugin;

import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import dev.rebuildcauses.report.pipeline.SourceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The scheduled CSV exports: the report's CSV files of the whole store, written into
 * {@code <server home>/rebuild-causes/exports/} every configured period; the first one right after
 * a start or a configuration change.
 */
public final class Exports {
    private static final Logger LOG = Logger.getLogger(Exports.class.getName());

    private final PluginStore store;
    private final PathClassifier rules;
    private final Path folder;
    private final Duration period;
    private Instant lastRun;

    Exports(PluginStore store, PathClassifier rules, Path folder, int everyMinutes) {
        this.store = store;
        this.rules = rules;
        this.folder = folder;
        this.period = Duration.ofMinutes(everyMinutes);
    }

    /** Writes the exports when they are due; failures are logged, never thrown. */
    public synchronized void runIfDue() {
        if (period.isZero()) {
            return;
        }
        Instant now = Instant.now();
        if (lastRun != null && now.isBefore(lastRun.plus(period))) {
            return;
        }
        lastRun = now;
        try {
            Files.createDirectories(folder);
            ReportPipeline.of(rules).run(store.builds(BuildFilter.all()), folder);
        } catch (IOException | HarvestException | SourceException | RuntimeException e) {
            LOG.warning("Rebuild causes: the scheduled export into " + folder + " failed: " + e.getMessage());
        }
    }

    /** The exported CSV file names, sorted. */
    public List<String> files() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".csv"))
                    .sorted()
                    .toList();
        }
    }

    /** The exported file {@code name}, when it is one of {@link #files()}. */
    public Optional<Path> file(String name) throws IOException {
        return files().contains(name) ? Optional.of(folder.resolve(name)) : Optional.empty();
    }
}
