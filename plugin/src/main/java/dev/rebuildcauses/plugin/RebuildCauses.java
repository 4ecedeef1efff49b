package dev.rebuildcauses.plugin;

import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.classify.RulesFormatException;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.store.JdbcUrls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The plugin's running parts for one configuration: the store, the background recorder, the pages and
 * the exports. Started by the server's hooks through {@link #start}, replaced whole when the
 * configuration changes.
 */
public final class RebuildCauses implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RebuildCauses.class.getName());
    private static final int QUEUE_CAPACITY = Integer.getInteger("rebuild-causes.queue", 1000);

    private final PluginSettings settings;
    private final PluginStore store;
    private final WorkQueue queue;
    private final PluginPages pages;
    private final Exports exports;

    private RebuildCauses(
            PluginSettings settings, PluginStore store, WorkQueue queue, PluginPages pages, Exports exports) {
        this.settings = settings;
        this.store = store;
        this.queue = queue;
        this.pages = pages;
        this.exports = exports;
    }

    /**
     * Opens the store and starts the recorder for {@code settings}; {@code pluginHome} is
     * {@code <server home>/rebuild-causes}. Builds journalled before a restart are queued again.
     */
    public static RebuildCauses start(Path pluginHome, PluginSettings settings)
            throws HarvestException, RulesFormatException {
        PathClassifier rules = settings.rulesFile().isBlank()
                ? RuleSet.defaults()
                : RuleSet.fromFile(Path.of(settings.rulesFile().trim()));
        String jdbcUrl = settings.jdbcUrl(pluginHome);
        PluginStore store = PluginStore.open(jdbcUrl);
        var changes = ChangeSources.of(settings);
        WorkQueue queue = new WorkQueue(
                new PendingJournal(pluginHome.resolve("pending")), new BuildRecorder(store, changes), QUEUE_CAPACITY);
        int resumed = queue.sweep();
        LOG.info("Rebuild causes: recording into " + JdbcUrls.redact(jdbcUrl) + " with ranges from "
                + settings.changeSource() + (resumed > 0 ? "; resumed " + resumed + " pending builds" : ""));
        PluginPages pages = new PluginPages(store, rules, changes.isEmpty());
        Exports exports = new Exports(store, rules, pluginHome.resolve("exports"), settings.exportEveryMinutes());
        return new RebuildCauses(settings, store, queue, pages, exports);
    }

    /** Takes a finished build; returns at once and never throws. */
    public void record(FinishedBuild build) {
        queue.submit(build);
    }

    /** Records every build of {@code builds} (a back-fill of the server's history); returns how many. */
    public int backfill(java.util.List<FinishedBuild> builds) {
        return queue.submitAll(builds);
    }

    /** The periodic tick: queues journalled builds again (outages, a full queue) and runs due exports. */
    public void tick() {
        queue.sweep();
        exports.runIfDue();
    }

    public PluginSettings settings() {
        return settings;
    }

    public PluginPages pages() {
        return pages;
    }

    public Exports exports() {
        return exports;
    }

    public int pending() {
        return queue.pending();
    }

    @Override
    public void close() {
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
    public static Path home(Path serverHome) throws java.io.IOException {
        return Files.createDirectories(serverHome.resolve("rebuild-causes"));
    }
}
