package dev.rebuildcauses.service;

import dev.rebuildcauses.report.pages.BuildRanges;
import dev.rebuildcauses.report.pages.ReportIndex;
import dev.rebuildcauses.report.pipeline.BuildExplainer;
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

    /**
     * The snapshot's index: by default {@link #read()} indexed with {@link #ranges()}. A large source
     * overrides it to analyse job by job ({@link ReportIndex#byJob}), so that it never holds every build's
     * commits and files at once; the index must be the same.
     *
     * @param explainer says why each file of a build the report did not explain has its cause
     */
    default ReportIndex index(BuildExplainer explainer) throws RefreshException {
        Report report = read();
        Optional<BuildRanges> ranges = ranges();
        return ranges.isPresent() ? ReportIndex.of(report, explainer, ranges.get()) : ReportIndex.of(report, explainer);
    }
}
