package dev.rebuildcauses.report.advice;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.report.csv.AdviceCsvWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes everything the advisor produced into a report folder: advice.csv, advice.txt and the proposals. */
public final class AdviceReportWriter {
    private AdviceReportWriter() {}

    /** The plain-text rendering of the advice, beside advice.csv. */
    public static final String TEXT_FILE_NAME = "advice.txt";

    /**
     * Writes {@code <out>/advice.csv}, {@code <out>/advice.txt} and {@code <out>/proposals/<job>/…};
     * returns every file written.
     */
    public static List<Path> write(List<Advice> advice, Path out) throws IOException {
        return write(advice, List.of(), out);
    }

    /** Like {@link #write(List, Path)}, advice.txt opening with what is in place already. */
    public static List<Path> write(List<Advice> advice, List<String> inPlace, Path out) throws IOException {
        List<Path> written = new ArrayList<>();
        written.add(AdviceCsvWriter.write(advice, out));
        Path text = out.resolve(TEXT_FILE_NAME);
        List<String> lines = AdviceText.lines(advice, inPlace);
        Path temp = out.resolve("." + TEXT_FILE_NAME + ".tmp");
        Files.write(temp, lines, StandardCharsets.UTF_8);
        Files.move(temp, text, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        written.add(text);
        written.addAll(ProposalWriter.write(advice, out));
        return written;
    }
}
