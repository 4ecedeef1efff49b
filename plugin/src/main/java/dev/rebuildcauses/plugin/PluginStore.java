package dev.rebuildcauses.plugin;

import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.model.BuildJob;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.harvest.store.StoredBuild;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The store as the plugin's threads share it: one connection, one caller at a time. */
public final class PluginStore implements AutoCloseable {
    private final BuildStore store;
    private final PendingBuilds pending;
    private final Set<String> knownJobs = new HashSet<>();

    private PluginStore(BuildStore store, PendingBuilds pending) {
        this.store = store;
        this.pending = pending;
    }

    /** Opens (creates, migrates) the store at {@code jdbcUrl}, with the plugin's table of pending builds. */
    public static PluginStore open(String jdbcUrl) throws HarvestException {
        registerDrivers();
        BuildStore store = BuildStore.open(jdbcUrl);
        try {
            return new PluginStore(store, PendingBuilds.open(jdbcUrl));
        } catch (HarvestException e) {
            try {
                store.close();
            } catch (HarvestException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The builds finished but not recorded yet, kept in the store. */
    public PendingBuilds pending() {
        return pending;
    }

    /**
     * Inside a CI server, {@code DriverManager} was initialised by the server's class loader and never saw
     * the plugin's drivers; loading them registers them, visible to the plugin's classes.
     */
    private static void registerDrivers() {
        for (String driver : new String[] {"org.h2.Driver", "org.postgresql.Driver"}) {
            try {
                Class.forName(driver, true, PluginStore.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("the plugin is packaged without " + driver, e);
            }
        }
    }

    public synchronized Optional<String> previousRevision(String job, String branch, long number)
            throws HarvestException {
        return store.previousRevision(job, branch, number);
    }

    /** Saves one build; the job's watermark only moves forward, so a later harvest skips it. */
    public synchronized void save(StoredBuild build) throws HarvestException {
        String job = build.build().job();
        if (knownJobs.add(job)) {
            store.saveJob(new BuildJob(job, "", ""));
        }
        long watermark = Math.max(store.watermark(job), build.build().number());
        store.save(job, List.of(build), watermark);
    }

    public synchronized List<BuildChanges> builds(BuildFilter filter) throws HarvestException {
        return store.loadBuildChanges(filter);
    }

    @Override
    public synchronized void close() throws HarvestException {
        try {
            pending.close();
        } finally {
            store.close();
        }
    }
}
