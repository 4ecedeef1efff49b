package dev.rebuildcauses.report.html;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.mine.CauseStats;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.report.chart.RenderedChart;
import dev.rebuildcauses.report.csv.CsvNumbers;
import dev.rebuildcauses.report.pipeline.BuildKey;
import dev.rebuildcauses.report.pipeline.RecentBuilds;
import dev.rebuildcauses.report.pipeline.Report;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import dev.rebuildcauses.report.view.AdviceCards;
import dev.rebuildcauses.report.view.Answer;
import dev.rebuildcauses.report.view.BuildRow;
import dev.rebuildcauses.report.view.KeyFigures;
import dev.rebuildcauses.report.view.Rows;
import java.time.Instant;
import java.util.List;

/** Builds the view model of the HTML report from a pipeline's report and its charts. */
public final class ReportPageBuilder {
    /** The builds table shows the builds the pipeline explained, the most recent; builds.csv has them all. */
    public static final int BUILDS_SHOWN = ReportPipeline.EXPLAINED_BUILDS;

    private ReportPageBuilder() {}

    public static ReportPage build(Report report, List<RenderedChart> charts, ReportScope scope) {
        Findings findings = report.findings();
        List<Advice> ranked = AdviceCards.shown(report.advice());
        String css = WebAssets.text(WebAssets.STYLESHEET)
                + "\n"
                + WebAssets.causeColors(
                        findings.causes().stream().map(CauseStats::cause).toList());
        return new ReportPage(
                "Rebuild causes: " + scope.title(),
                scope.filter(),
                CsvNumbers.instant(scope.generatedAt()),
                period(report.builds()),
                overview(findings),
                Answer.sentences(findings, ranked),
                KeyFigures.of(findings, ranked),
                AdviceCards.of(report.advice(), report.dockerfiles(), report.advisor()),
                charts,
                Rows.jobsByAvoidableHours(findings.jobs(), report.advice()),
                Rows.causes(findings.causes()),
                recentBuilds(report),
                findings.totals().builds(),
                report.isExplained(),
                report.summary().isEmpty()
                        ? ""
                        : report.summary().get(report.summary().size() - 1),
                css,
                WebAssets.text(WebAssets.SCRIPT));
    }

    private static String overview(Findings findings) {
        long builds = findings.totals().builds();
        String hours = findings.totals().hours() == null
                ? "no build durations"
                : CsvNumbers.hours(findings.totals().hours()) + " build hours";
        return builds + " build" + (builds == 1 ? "" : "s") + " of "
                + findings.jobs().size() + " job" + (findings.jobs().size() == 1 ? "" : "s") + ", " + hours;
    }

    private static String period(List<ClassifiedBuild> builds) {
        Instant first = null;
        Instant last = null;
        for (ClassifiedBuild build : builds) {
            Instant at = build.build().startedAt();
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
        if (first == null) {
            return "";
        }
        return CsvNumbers.instant(first).substring(0, 10) + " to "
                + CsvNumbers.instant(last).substring(0, 10);
    }

    /** The newest builds first. */
    private static List<BuildRow> recentBuilds(Report report) {
        List<ClassifiedBuild> newest = RecentBuilds.newest(report.builds(), ClassifiedBuild::build, BUILDS_SHOWN);
        return newest.stream()
                .map(build -> Rows.build(build, report.explained().get(BuildKey.of(build.build()))))
                .toList();
    }
}
