package dev.rebuildcauses.report.view;

import java.util.List;

/**
 * One build as tables show it; texts formatted like builds.csv.
 *
 * @param job the job
 * @param number the build number
 * @param startedAt ISO-8601 UTC start
 * @param duration e.g. {@code 12m 05s}, empty when unknown
 * @param result e.g. SUCCESS
 * @param trigger what started it
 * @param range {@code abc1234..def5678}, or the revision alone
 * @param commits how many commits the range holds
 * @param message the subject line of the range's newest commit, and its author; empty without commits
 * @param causes its causes
 * @param files every changed file with its cause and reason, when explained; else empty
 */
public record BuildRow(
        String job,
        long number,
        String startedAt,
        String duration,
        String result,
        String trigger,
        String range,
        int commits,
        String message,
        List<CauseBadge> causes,
        List<FileRow> files) {
    public BuildRow {
        causes = List.copyOf(causes);
        files = List.copyOf(files);
    }
}
