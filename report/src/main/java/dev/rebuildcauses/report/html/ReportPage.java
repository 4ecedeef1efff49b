package dev.rebuildcauses.report.html;

import dev.rebuildcauses.report.chart.RenderedChart;
import dev.rebuildcauses.report.view.AdviceCard;
import dev.rebuildcauses.report.view.BuildRow;
import dev.rebuildcauses.report.view.CauseRow;
import dev.rebuildcauses.report.view.JobRow;
import dev.rebuildcauses.report.view.KeyFigure;
import java.util.List;

/**
 * Everything the HTML report shows, already formatted: the template only lays it out.
 *
 * @param title the heading
 * @param filter what the report covers, in words; empty for everything
 * @param generatedAt ISO-8601 UTC
 * @param period {@code 2026-01-05 to 2026-06-30}, empty without builds
 * @param overview one line: builds, jobs, hours
 * @param answer three to five sentences with the numbers
 * @param figures the seed findings as numbers equal to the exports
 * @param advice ranked across jobs
 * @param charts the charts behind the answer
 * @param jobs ranked by avoidable hours
 * @param causes as causes.csv
 * @param builds the most recent builds, newest first
 * @param buildsTotal how many builds the report covers (the table shows fewer)
 * @param explained whether builds carry their files' verdicts
 * @param dataQuality the data-quality sentence
 * @param stylesheet the shared stylesheet, inlined so the file stands alone
 * @param script the shared script, inlined
 */
public record ReportPage(
        String title,
        String filter,
        String generatedAt,
        String period,
        String overview,
        List<String> answer,
        List<KeyFigure> figures,
        List<AdviceCard> advice,
        List<RenderedChart> charts,
        List<JobRow> jobs,
        List<CauseRow> causes,
        List<BuildRow> builds,
        long buildsTotal,
        boolean explained,
        String dataQuality,
        String stylesheet,
        String script) {
    public ReportPage {
        answer = List.copyOf(answer);
        figures = List.copyOf(figures);
        advice = List.copyOf(advice);
        charts = List.copyOf(charts);
        jobs = List.copyOf(jobs);
        causes = List.copyOf(causes);
        builds = List.copyOf(builds);
    }
}
