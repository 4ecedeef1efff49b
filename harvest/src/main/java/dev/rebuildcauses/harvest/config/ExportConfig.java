package dev.rebuildcauses.harvest.config;

import java.nio.file.Path;
import java.util.List;

/**
 * One entry of {@code exports:}: which CSV files of which builds to write, when, where, and how many to
 * keep.
 *
 * @param name unique among the exports, safe as a file name
 * @param schedule when it runs inside the server
 * @param files the files written, in the order of {@link ExportFile}
 * @param filter which builds
 * @param target the folder written, absolute
 * @param keep how many as-of copies of each file stay in the folder (at least 1)
 */
public record ExportConfig(
        String name, CronSchedule schedule, List<ExportFile> files, ExportFilter filter, Path target, int keep) {
    /** How many as-of copies are kept when the config does not say. */
    public static final int DEFAULT_KEEP = 10;

    public ExportConfig {
        files = List.copyOf(files);
    }
}
