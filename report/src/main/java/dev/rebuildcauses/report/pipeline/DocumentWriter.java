package dev.rebuildcauses.report.pipeline;

import java.io.IOException;
import java.nio.file.Path;

/** Writes one more document of a report (the HTML page, chart files) into the report folder. */
@FunctionalInterface
public interface DocumentWriter {
    void write(Report report, Path outDir) throws IOException;
}
