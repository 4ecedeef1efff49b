package dev.rebuildcauses.service;

import dev.rebuildcauses.report.pages.BuildRanges;
import dev.rebuildcauses.report.pipeline.Report;
import java.time.Instant;
import java.util.Optional;

/** Where a snapshot's report comes from: the store read whole and run through the report pipeline. */
@FunctionalInterface
public interface ReportSource {
    /** Reads every finished build and analyses it; fails with what could not be read, and where. */
    Report read() throws RefreshException;

    /**
     * When the data was last harvested, by whichever process harvested it, as the store recorded it;
     * empty when the source cannot tell (a synthetic history, a store from before harvests were recorded).
     */
    default Optional<Instant> lastHarvest() throws RefreshException {
        return Optional.empty();
    }

    /**
     * Where the page of one build reads that build's commits and files again, so a snapshot need not keep
     * every build's range; empty (the default) keeps them in memory, which suits small stores and tests.
     */
    default Optional<BuildRanges> ranges() {
        return Optional.empty();
    }
}
