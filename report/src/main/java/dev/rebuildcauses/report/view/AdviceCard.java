package dev.rebuildcauses.report.view;

import java.util.List;

/**
 * One piece of advice as pages show it.
 *
 * @param rank its place in the ranking across all jobs, from 1
 * @param job the job it is for
 * @param kind the stable identifier of advice.csv, e.g. {@code base-image}
 * @param headline what it advises in a few words
 * @param saving the saving as shown, e.g. {@code 12.50 build hours a month}
 * @param savingHours the value of advice.csv's {@code saving_hours_per_month}, empty when unknown
 * @param evidence the numbers it rests on
 * @param action what to do
 * @param assumptions the advisor's settings this estimate depends on
 * @param files proposed files, often none
 */
public record AdviceCard(
        int rank,
        String job,
        String kind,
        String headline,
        String saving,
        String savingHours,
        String evidence,
        String action,
        List<String> assumptions,
        List<ProposedFile> files) {
    public AdviceCard {
        assumptions = List.copyOf(assumptions);
        files = List.copyOf(files);
    }

    /** The evidence's opening sentences: its first line. */
    public String evidenceLead() {
        int end = evidence.indexOf('\n');
        return end < 0 ? evidence : evidence.substring(0, end);
    }

    /**
     * The evidence's lines after the first, e.g. a Dockerfile's instruction-stability table, lined up
     * in columns for a fixed-width font; {@code ""} when there are none.
     */
    public String evidenceTable() {
        int end = evidence.indexOf('\n');
        return end < 0 ? "" : evidence.substring(end + 1);
    }
}
