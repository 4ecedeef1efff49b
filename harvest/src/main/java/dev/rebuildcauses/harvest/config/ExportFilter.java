package dev.rebuildcauses.harvest.config;

import java.util.List;

/**
 * The {@code filter:} of an export: which jobs and how far back.
 *
 * @param jobs job full-name globs, as in {@code jenkins.include}; a build is exported when any matches
 * @param window how far back from the time the export runs
 */
public record ExportFilter(List<String> jobs, ExportWindow window) {
    /** Every job, every build. */
    public static final ExportFilter ALL = new ExportFilter(List.of("**"), ExportWindow.ALL);

    public ExportFilter {
        jobs = List.copyOf(jobs);
    }
}
