package dev.rebuildcauses.service;

import dev.rebuildcauses.report.pipeline.Report;

/** Where a snapshot's report comes from: the store read whole and run through the report pipeline. */
@FunctionalInterface
public interface ReportSource {
    /** Reads every finished build and analyses it; fails with what could not be read, and where. */
    Report read() throws RefreshException;
}
