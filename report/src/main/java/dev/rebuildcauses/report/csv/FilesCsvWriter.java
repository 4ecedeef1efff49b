package dev.rebuildcauses.report.csv;

import dev.rebuildcauses.analysis.classify.FileVerdict;
import dev.rebuildcauses.analysis.infer.ExplainedBuild;
import dev.rebuildcauses.analysis.model.Build;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code files.csv} for {@code --explain}: one row per changed file of each build with its
 * cause and the reason, so a person can check and correct what the tool decided. Rows stream to a
 * temporary file that becomes {@code files.csv} only on {@link #commit()}; closing without a
 * commit leaves no half file behind. UTF-8, RFC 4180 (CRLF), text cells spreadsheet-safe.
 */
public final class FilesCsvWriter implements Closeable {
    public static final String FILES = "files.csv";
    static final List<String> HEADER = List.of("job", "build", "revision", "path", "cause", "reason");

    private final Path target;
    private final Path temp;
    private final CSVPrinter printer;
    private boolean committed;

    private FilesCsvWriter(Path target, Path temp, CSVPrinter printer) {
        this.target = target;
        this.temp = temp;
        this.printer = printer;
    }

    /** Starts {@code files.csv} in {@code directory} (created when missing) with its header row. */
    public static FilesCsvWriter open(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(FILES);
        Path temp = directory.resolve("." + FILES + ".tmp");
        Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180);
        printer.printRecord(HEADER);
        return new FilesCsvWriter(target, temp, printer);
    }

    /** Adds a row for every file verdict of {@code build}. */
    public void write(ExplainedBuild build) throws IOException {
        rows(printer, build.build().build(), build.files());
    }

    /** The rows of {@code files.csv} for one build, with the header, to any writer (a build page's download). */
    public static void write(Build build, List<FileVerdict> files, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
        printer.printRecord(HEADER);
        rows(printer, build, files);
        printer.flush();
    }

    private static void rows(CSVPrinter printer, Build ran, List<FileVerdict> files) throws IOException {
        String revision = ran.revision() == null ? "" : ran.revision();
        for (FileVerdict file : files) {
            printer.printRecord(
                    SpreadsheetSafeText.of(ran.job()),
                    ran.number(),
                    SpreadsheetSafeText.of(revision),
                    SpreadsheetSafeText.of(file.path()),
                    SpreadsheetSafeText.of(file.cause()),
                    SpreadsheetSafeText.of(file.reason()));
        }
    }

    /** Finishes the file and puts it in place; returns its path. */
    public Path commit() throws IOException {
        printer.close();
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        return target;
    }

    /** Drops the unfinished file unless {@link #commit()} put it in place. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            printer.close();
            Files.deleteIfExists(temp);
        }
    }
}
