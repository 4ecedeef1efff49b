package dev.rebuildcauses.report.pages;

import dev.rebuildcauses.report.view.BuildRow;
import dev.rebuildcauses.report.view.CauseBadge;
import dev.rebuildcauses.report.view.CauseRow;
import java.util.List;

/**
 * One cause: what it costs across the instance, the jobs that carry it, the builds that carry it.
 *
 * @param stats its row of causes.csv, {@code null} when no build carries it
 * @param jobs the jobs with builds carrying it, most hours first
 * @param builds one page of the builds carrying it, newest first
 */
public record CausePage(
        PageFrame frame,
        CauseBadge cause,
        String description,
        CauseRow stats,
        List<JobShare> jobs,
        List<BuildRow> builds,
        List<PageLink> pages,
        String buildsCsvHref) {
    public CausePage {
        jobs = List.copyOf(jobs);
        builds = List.copyOf(builds);
        pages = List.copyOf(pages);
    }

    /**
     * One job's part of the cause (inclusive, as the job's causes.csv).
     *
     * @param hoursShare the cause's share of the job's hours, as a percentage
     */
    public record JobShare(String job, String href, long builds, String hours, String hoursShare) {}
}
