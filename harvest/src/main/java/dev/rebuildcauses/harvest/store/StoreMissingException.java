package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.harvest.changes.HarvestException;

/** A store that was asked to be read but was never created: nothing has been harvested into it. */
public final class StoreMissingException extends HarvestException {
    public StoreMissingException(String jdbcUrl, String why) {
        super(
                FailureKind.LOCAL,
                "store " + JdbcUrls.redact(jdbcUrl) + ": " + why + "; run 'rebuild-causes harvest' first");
    }
}
