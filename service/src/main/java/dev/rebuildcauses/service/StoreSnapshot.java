package dev.rebuildcauses.service;

import dev.rebuildcauses.report.pages.ReportIndex;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The report of the store at one moment, arranged for pages; immutable, so every request reads it
 * without locks while the next one is computed.
 *
 * @param index the report by job and cause
 * @param harvestedAt when the last harvest of this data finished (this server's or the one the store recorded),
 *     {@code null} when none is known
 * @param loadedAt when the store was read
 * @param took how long reading and analysing took
 */
public record StoreSnapshot(ReportIndex index, Instant harvestedAt, Instant loadedAt, Duration took) {
    public StoreSnapshot {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(loadedAt, "loadedAt");
        Objects.requireNonNull(took, "took");
    }

    public Optional<Instant> lastHarvest() {
        return Optional.ofNullable(harvestedAt);
    }
}
