package dev.rebuildcauses.service;

import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.harvest.store.BuildStore;
import java.util.List;

/** Where exports read their builds: the store, or whatever a host already holds open. */
@FunctionalInterface
public interface BuildSource {
    /** The finished builds that {@code filter} selects, ordered by job and build number. */
    List<BuildChanges> load(BuildFilter filter) throws HarvestException;

    /** Opens the store at {@code jdbcUrl} for each load and closes it after, so no connection is held between runs. */
    static BuildSource store(String jdbcUrl) {
        return filter -> {
            try (BuildStore store = BuildStore.open(jdbcUrl)) {
                return store.loadBuildChanges(filter);
            }
        };
    }
}
