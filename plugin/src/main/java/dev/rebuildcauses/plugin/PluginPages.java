package dev.rebuildcauses.plugin;

import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.report.chart.RenderedChart;
import dev.rebuildcauses.report.html.ChartSet;
import dev.rebuildcauses.report.html.ReportPage;
import dev.rebuildcauses.report.html.ReportPageBuilder;
import dev.rebuildcauses.report.html.ReportScope;
import dev.rebuildcauses.report.html.Templates;
import dev.rebuildcauses.report.pipeline.Report;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import dev.rebuildcauses.report.pipeline.SourceException;
import dev.rebuildcauses.report.view.BuildRow;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The plugin's pages as HTML fragments for the server's layout, from the store and the shared report
 * components (the same templates as the HTML report, escaped by JTE). Only the plugin's own headings
 * and notes are written here, each value escaped.
 */
public final class PluginPages {
    private static final int BUILDS_SHOWN = 50;

    private final PluginStore store;
    private final PathClassifier rules;
    private final boolean serverChangeSets;

    /** @param serverChangeSets whether ranges come from the server's change sets (no change source) */
    public PluginPages(PluginStore store, PathClassifier rules, boolean serverChangeSets) {
        this.store = store;
        this.rules = rules;
        this.serverChangeSets = serverChangeSets;
    }

    /** The page {@code query} asks for, with {@code pending} builds not yet recorded. */
    public String render(PageQuery query, int pending) throws HarvestException, IOException, SourceException {
        List<BuildChanges> builds = store.builds(BuildFilter.all());
        if (!query.job().isEmpty()) {
            builds = builds.stream()
                    .filter(b -> b.build().job().equals(query.job()))
                    .filter(b -> !query.isBuild() || b.build().number() == query.build())
                    .toList();
        }
        String title = title(query);
        Report report = ReportPipeline.of(rules).analyse(builds);
        boolean withCharts = !query.isBuild() && !builds.isEmpty();
        List<RenderedChart> charts = withCharts ? ChartSet.render(report) : List.of();
        ReportPage page = ReportPageBuilder.build(report, charts, ReportScope.of(title, query.job()));
        StringOutput out = new StringOutput();
        out.writeContent("<style>");
        out.writeContent(page.stylesheet());
        out.writeContent("</style>\n<div class=\"rebuild-causes report\" id=\"rebuild-causes\">\n<h1>");
        Escape.htmlContent(title, out);
        out.writeContent("</h1>\n<p class=\"scope\">");
        Escape.htmlContent(page.overview(), out);
        out.writeContent("</p>\n");
        notes(pending, out);
        if (builds.isEmpty()) {
            out.writeContent("<p class=\"empty\">No builds recorded yet.</p>\n</div>\n");
            return out.toString();
        }
        if (!query.isBuild()) {
            Templates.render("tags/answer.jte", Map.of("sentences", page.answer(), "figures", page.figures()), out);
            out.writeContent("<div class=\"charts\">\n");
            for (RenderedChart chart : page.charts()) {
                Templates.render("tags/figure.jte", Map.of("chart", chart), out);
            }
            out.writeContent("</div>\n");
        }
        if (!query.isJob() && !query.isBuild() && !query.isCause()) {
            out.writeContent("<h2>Jobs</h2>\n");
            Templates.render("tags/jobsTable.jte", Map.of("jobs", page.jobs()), out);
        }
        if (!query.isBuild()) {
            out.writeContent("<h2>Causes</h2>\n");
            Templates.render("tags/causesTable.jte", Map.of("causes", page.causes()), out);
        }
        out.writeContent("<h2>Builds</h2>\n");
        Templates.render(
                "tags/buildsTable.jte", Map.of("builds", shown(page.builds(), query), "explained", false), out);
        out.writeContent("</div>\n");
        return out.toString();
    }

    private List<BuildRow> shown(List<BuildRow> rows, PageQuery query) {
        return rows.stream()
                .filter(row -> !query.isCause()
                        || row.causes().stream().anyMatch(c -> c.name().equals(query.cause())))
                .limit(BUILDS_SHOWN)
                .toList();
    }

    private void notes(int pending, StringOutput out) {
        if (serverChangeSets) {
            out.writeContent("<p class=\"note\" id=\"server-change-sets\">Ranges come from the change sets this"
                    + " server recorded, which leave empty commits out: a build whose revision moved with no listed"
                    + " commit counts as <code>empty-commit</code>, but an empty commit pushed together with other"
                    + " changes is invisible. Configure a change source (Bitbucket or a local mirror) to see every"
                    + " one.</p>\n");
        }
        if (pending > 0) {
            out.writeContent("<p class=\"note\" id=\"pending\">");
            Escape.htmlContent(
                    pending + " finished build" + (pending == 1 ? " is" : "s are")
                            + " not recorded yet (waiting in the background queue).",
                    out);
            out.writeContent("</p>\n");
        }
    }

    private static String title(PageQuery query) {
        if (query.isBuild()) {
            return "Rebuild causes of " + query.job() + " #" + query.build();
        }
        if (query.isJob()) {
            return "Rebuild causes of " + query.job();
        }
        if (query.isCause()) {
            return "Builds caused by " + query.cause();
        }
        return "Rebuild causes";
    }
}
