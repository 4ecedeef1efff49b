package dev.rebuildcauses.report.pages;

import dev.rebuildcauses.report.view.AdviceCard;
import dev.rebuildcauses.report.view.CauseRow;
import dev.rebuildcauses.report.view.JobRow;
import dev.rebuildcauses.report.view.KeyFigure;
import java.util.List;

/**
 * The overview: the answer, hours by cause, the weekly trend, the jobs with most avoidable hours, the top
 * advice across the instance, the scheduled exports.
 *
 * @param summary one line: builds, jobs, hours, period
 * @param answer the answer's sentences
 * @param figures the seed findings as numbers equal to the exports
 * @param causes every cause, as causes.csv, with a link to its page
 * @param weekly the last weeks' hours by cause, newest first, as weekly.csv
 * @param charts the charts behind the answer (hours by cause, weekly trend)
 * @param topJobs the jobs whose best advice saves most
 * @param topAdvice the advice saving most, across jobs
 * @param exports the scheduled exports' last outcomes
 * @param downloads the CSV downloads of this page's tables
 * @param dataQuality the data-quality sentence
 */
public record OverviewPage(
        PageFrame frame,
        String summary,
        List<String> answer,
        List<KeyFigure> figures,
        List<CauseRow> causes,
        List<WeekRow> weekly,
        List<ChartImage> charts,
        List<JobRow> topJobs,
        List<AdviceCard> topAdvice,
        List<ExportStatusRow> exports,
        List<PageLink> downloads,
        String dataQuality) {
    public OverviewPage {
        answer = List.copyOf(answer);
        figures = List.copyOf(figures);
        causes = List.copyOf(causes);
        weekly = List.copyOf(weekly);
        charts = List.copyOf(charts);
        topJobs = List.copyOf(topJobs);
        topAdvice = List.copyOf(topAdvice);
        exports = List.copyOf(exports);
        downloads = List.copyOf(downloads);
    }

    /**
     * This overview with the scheduled runs' statuses of now (they change between snapshots, the rest does
     * not); itself when they are the same.
     */
    public OverviewPage withExports(List<ExportStatusRow> statuses) {
        if (statuses.equals(exports)) {
            return this;
        }
        return new OverviewPage(
                frame,
                summary,
                answer,
                figures,
                causes,
                weekly,
                charts,
                topJobs,
                topAdvice,
                statuses,
                downloads,
                dataQuality);
    }

    /** One row of weekly.csv: a week's builds and hours of one cause. */
    public record WeekRow(String week, dev.rebuildcauses.report.view.CauseBadge cause, long builds, String hours) {}
}
