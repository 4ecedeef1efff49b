package dev.rebuildcauses.report.pages;

import dev.rebuildcauses.report.view.CauseBadge;
import dev.rebuildcauses.report.view.FileRow;
import java.util.List;

/**
 * One build: what triggered it, its revision range, its commits, every changed file with its cause and why.
 *
 * @param ciHref the build on the CI server, empty when unknown
 * @param rangeStatus how the range was resolved (resolved, first build, no new commit, unknown)
 * @param rangeProblem why the range is unknown, else empty
 * @param filesExplained whether the reasons come from the report's inference (else the rules alone)
 */
public record BuildPage(
        PageFrame frame,
        String job,
        String jobHref,
        long number,
        String ciHref,
        String startedAt,
        String duration,
        String result,
        String trigger,
        String branch,
        String fromRevision,
        String toRevision,
        String rangeStatus,
        String rangeProblem,
        List<CauseBadge> causes,
        List<Commit> commits,
        List<FileRow> files,
        boolean filesExplained,
        String filesCsvHref) {
    public BuildPage {
        causes = List.copyOf(causes);
        commits = List.copyOf(commits);
        files = List.copyOf(files);
    }

    /** One commit of the range, oldest first. */
    public record Commit(String id, String shortId, String author, String time, String message, String files) {}
}
