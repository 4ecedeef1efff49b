package dev.rebuildcauses.plugin;

import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.classify.RulesFormatException;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.config.ConfigException;
import dev.rebuildcauses.harvest.store.JdbcUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The plugin's running parts for one configuration: the store, the background recorder, the pages and
 * the scheduled exports. Started by the server's hooks through {@link #start}, replaced whole when the
 * configuration changes.
 */
public final class RebuildCauses implements AutoCloseable {
    /** Where the pages live under the server's root, and the plugin's folder in the server's home. */
    public static final String URL_NAME = "rebuild-causes";

    private static final Logger LOG = Logger.getLogger(RebuildCauses.class.getName());
    private static final int QUEUE_CAPACITY = Integer.getInteger("rebuild-causes.queue", 1000);

    private final PluginStore store;
    private final WorkQueue queue;
    private final PluginSnapshots snapshots;
    private final ScheduledExports exports;
    private final PluginSite site;

    private RebuildCauses(
            PluginStore store, WorkQueue queue, PluginSnapshots snapshots, ScheduledExports exports, PluginSite site) {
        this.store = store;
        this.queue = queue;
        this.snapshots = snapshots;
        this.exports = exports;
        this.site = site;
    }

    /**
     * Opens the store and starts the recorder and the exports for {@code settings}; {@code pluginHome} is
     * {@code <server home>/rebuild-causes}. Builds left pending in the store before a restart are queued
     * again.
     */
    public static RebuildCauses start(Path pluginHome, PluginSettings settings)
            throws HarvestException, RulesFormatException, ConfigException {
        PathClassifier rules = settings.rulesFile().isBlank()
                ? RuleSet.defaults()
                : RuleSet.fromFile(Path.of(settings.rulesFile().trim()));
        Path exportFolder = pluginHome.resolve("exports");
        ScheduledExports.parse(settings.exportSchedules(), exportFolder); // a bad schedule fails before the store opens
        String jdbcUrl = settings.jdbcUrl(pluginHome);
        PluginStore store = PluginStore.open(jdbcUrl);
        var changes = ChangeSources.of(settings);
        Clock clock = Clock.systemUTC();
        PluginSnapshots snapshots = new PluginSnapshots(store, rules, clock);
        WorkQueue queue =
                new WorkQueue(store.pending(), new BuildRecorder(store, changes), QUEUE_CAPACITY, snapshots::changed);
        int resumed = queue.sweep();
        ScheduledExports exports =
                ScheduledExports.start(exportFolder, settings.exportSchedules(), store, rules, clock);
        LOG.info("Rebuild causes: recording into " + JdbcUrls.redact(jdbcUrl) + " with ranges from "
                + settings.changeSource() + (resumed > 0 ? "; resumed " + resumed + " pending builds" : ""));
        PluginSite site = new PluginSite(snapshots, exports, changes.isEmpty(), queue::pending, clock);
        return new RebuildCauses(store, queue, snapshots, exports, site);
    }

    /** Takes a finished build; returns at once and never throws. */
    public void record(FinishedBuild build) {
        queue.submit(build);
    }

    /** Records every build of {@code builds} (a back-fill of the server's history); returns how many. */
    public int backfill(List<FinishedBuild> builds) {
        return queue.submitAll(builds);
    }

    /** The periodic tick: queues pending builds again (outages, a full queue) and refreshes a stale snapshot. */
    public void tick() {
        queue.sweep();
        snapshots.refreshIfStale();
    }

    /** The pages. */
    public PluginSite site() {
        return site;
    }

    @Override
    public void close() {
        exports.close();
        snapshots.close();
        try {
            queue.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            store.close();
        } catch (HarvestException e) {
            LOG.log(Level.WARNING, "Rebuild causes: cannot close the store", e);
        }
    }

    /** {@code <server home>/rebuild-causes}, created. */
    public static Path home(Path serverHome) throws IOException {
        return Files.createDirectories(serverHome.resolve(URL_NAME));
    }
}
