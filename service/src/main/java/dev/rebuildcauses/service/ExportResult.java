package dev.rebuildcauses.service;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What one run of an export wrote.
 *
 * @param name the export's name
 * @param asOf the time the run read the store, also in the file names
 * @param builds how many builds the files cover
 * @param written the as-of files and then the {@code -latest} copies, in the order of the export's files
 * @param deleted the older as-of copies removed to keep the configured number
 */
public record ExportResult(String name, Instant asOf, int builds, List<Path> written, List<Path> deleted) {
    public ExportResult {
        written = List.copyOf(written);
        deleted = List.copyOf(deleted);
    }
}
