package dev.rebuildcauses.report.advice;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.report.csv.AdviceCsvWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes everything the advisor produced into a report folder: advice.csv and the proposals. */
public final class AdviceReportWriter {
    private AdviceReportWriter() {}

    /** Writes {@code <out>/advice.csv} and {@code <out>/proposals/<job>/…}; returns every file written. */
    public static List<Path> write(List<Advice> advice, Path out) throws IOException {
        List<Path> written = new ArrayList<>();
        written.add(AdviceCsvWriter.write(advice, out));
        written.addAll(ProposalWriter.write(advice, out));
        return written;
    }
}
