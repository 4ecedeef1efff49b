package dev.rebuildcauses.report.csv;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.advice.AdviceRanking;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes advice.csv: {@code job,advice,saving_hours_per_month,evidence,action,saving_builds_per_month,rank},
 * UTF-8, RFC 4180 with CRLF. {@code rank} is the place across all jobs (as advice.txt lists them),
 * empty for advice whose saving rounds to zero and which the text therefore leaves out.
 */
public final class AdviceCsvWriter {
    public static final List<String> HEADER =
            List.of("job", "advice", "saving_hours_per_month", "evidence", "action", "saving_builds_per_month", "rank");
    public static final String FILE_NAME = "advice.csv";

    private AdviceCsvWriter() {}

    /** Writes {@code advice.csv} into {@code directory} and returns its path. */
    public static Path write(List<Advice> advice, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE_NAME);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(advice, out);
        }
        return file;
    }

    /** Writes the header and one row per advice, in the order given. */
    public static void write(List<Advice> advice, Writer out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader(HEADER.toArray(String[]::new))
                .build();
        Map<Advice, Integer> ranks = new IdentityHashMap<>();
        AdviceRanking.of(advice).all().forEach(ranked -> ranks.put(ranked.advice(), ranked.rank()));
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Advice row : advice) {
                int rank = ranks.getOrDefault(row, 0);
                printer.printRecord(
                        SpreadsheetSafeText.of(row.job()),
                        row.kind().id(),
                        saving(row.savingHoursPerMonth()),
                        SpreadsheetSafeText.of(row.evidence()),
                        SpreadsheetSafeText.of(row.action()),
                        builds(row.savingBuildsPerMonth()),
                        rank == 0 ? "" : Integer.toString(rank));
            }
        }
    }

    /** One decimal with a dot, or empty when unknown. */
    static String builds(Double builds) {
        return builds == null ? "" : String.format(Locale.ROOT, "%.1f", builds);
    }

    /** Two decimals with a dot, or empty when unknown. */
    static String saving(Double hours) {
        return hours == null ? "" : String.format(Locale.ROOT, "%.2f", hours);
    }
}
