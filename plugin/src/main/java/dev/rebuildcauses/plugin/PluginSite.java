package dev.rebuildcauses.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rebuildcauses.analysis.infer.SnapshotException;
import dev.rebuildcauses.report.csv.CsvNumbers;
import dev.rebuildcauses.report.html.Templates;
import dev.rebuildcauses.report.html.WebAssets;
import dev.rebuildcauses.report.pages.BuildRangeException;
import dev.rebuildcauses.report.pages.DashboardPages;
import dev.rebuildcauses.report.pages.Links;
import dev.rebuildcauses.report.pages.OverviewPage;
import dev.rebuildcauses.service.RefreshException;
import dev.rebuildcauses.service.StoreSnapshot;
import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The dashboard inside the CI server: the routes of {@code serve} under the plugin's root, answered from
 * the store's snapshot by the dashboard's own page builder ({@link DashboardPages}) and templates. Pages
 * come back as fragments for the server's layout ({@link Answer.Page}); charts, stylesheets, JSON and CSV
 * as bodies. Plain Java: the server's side only parses the request and writes the answer.
 */
public final class PluginSite {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final PluginSnapshots snapshots;
    private final ScheduledExports exports;
    private final boolean serverChangeSets;
    private final IntSupplier pending;
    private final Clock clock;
    private volatile Cached cached;

    /** The pages of one snapshot under one root, with what every request of it would compute the same way. */
    private record Cached(
            StoreSnapshot snapshot, String root, Links links, DashboardPages pages, OverviewPage overview) {}

    /** A view model for a request, or empty for "not found". */
    @FunctionalInterface
    private interface Model {
        Optional<?> of(DashboardPages pages, RequestParameters parameters)
                throws RequestParameters.BadRequest, SnapshotException;
    }

    /**
     * @param serverChangeSets whether ranges come from the server's change sets (no change source)
     * @param pending how many finished builds wait to be recorded
     */
    public PluginSite(
            PluginSnapshots snapshots,
            ScheduledExports exports,
            boolean serverChangeSets,
            IntSupplier pending,
            Clock clock) {
        this.snapshots = snapshots;
        this.exports = exports;
        this.serverChangeSets = serverChangeSets;
        this.pending = pending;
        this.clock = clock;
    }

    /**
     * Answers {@code path} (relative to the plugin's pages, e.g. {@code jobs} or {@code csv/causes.csv}).
     *
     * @param root the plugin's pages' absolute path, ending in {@code /}, which every link starts with
     */
    public Answer answer(String path, Map<String, String> parameters, String root)
            throws RefreshException, IOException {
        String route = path.startsWith("/") ? path.substring(1) : path;
        RequestParameters query = new RequestParameters(parameters);
        try {
            if (route.startsWith("static/")) {
                return asset(route.substring("static/".length()));
            }
            if (route.startsWith("exports/")) {
                return exportFile(route.substring("exports/".length()));
            }
            if (route.equals("cause-colors.css")) {
                return Answer.Body.text(
                        200,
                        "text/css; charset=utf-8",
                        WebAssets.causeColors(pages(root).snapshot().index().causes()));
            }
            if (route.equals("chart.svg")) {
                return pages(root)
                        .pages()
                        .charts()
                        .find(query.get("job").orElse(null), query.required("id"))
                        .<Answer>map(chart -> Answer.Body.text(200, "image/svg+xml; charset=utf-8", chart.svg()))
                        .orElse(Answer.Body.notFound("no such chart"));
            }
            if (route.startsWith("csv/")) {
                return CsvTables.answer(
                        route.substring("csv/".length()),
                        query,
                        pages(root).snapshot().index());
            }
            boolean api = route.startsWith("api/");
            String page = api ? route.substring("api/".length()) : route;
            Optional<Route> found = Route.of(api && page.equals("overview") ? "" : page);
            if (found.isEmpty()) {
                return api ? Answer.Body.notFound("no such page") : message(404, "No such page.");
            }
            Optional<?> model = model(found.get(), root, query);
            if (model.isEmpty()) {
                return api ? Answer.Body.notFound(found.get().missing) : message(404, found.get().missing + ".");
            }
            return api ? json(model.get()) : page(found.get().template, model.get(), root);
        } catch (RequestParameters.BadRequest e) {
            return message(400, e.getMessage());
        } catch (SnapshotException | BuildRangeException e) {
            throw new IOException("cannot read a build's files: " + e.getMessage(), e);
        }
    }

    /** The page of one job (the job's own "Rebuild causes" action), its links under {@code root}. */
    public Answer jobPage(String job, String root) throws RefreshException, IOException {
        return answer("job", Map.of("name", job), root);
    }

    /** The pages' routes, each with its template and what a missing subject is called. */
    private enum Route {
        OVERVIEW("", "dashboard/overview.jte", ""),
        JOBS("jobs", "dashboard/jobs.jte", ""),
        JOB("job", "dashboard/job.jte", "No job of that name in the store"),
        BUILD("build", "dashboard/build.jte", "No such build in the store"),
        CAUSE("cause", "dashboard/cause.jte", "");

        private final String path;
        private final String template;
        private final String missing;

        Route(String path, String template, String missing) {
            this.path = path;
            this.template = template;
            this.missing = missing;
        }

        static Optional<Route> of(String path) {
            for (Route route : values()) {
                if (route.path.equals(path)) {
                    return Optional.of(route);
                }
            }
            return Optional.empty();
        }
    }

    private Optional<?> model(Route route, String root, RequestParameters query)
            throws RefreshException, RequestParameters.BadRequest, SnapshotException, BuildRangeException {
        Cached current = pages(root);
        DashboardPages pages = current.pages();
        return switch (route) {
            case OVERVIEW -> Optional.of(overview(current));
            case JOBS -> Optional.of(pages.jobs(query.jobsQuery()));
            case JOB -> pages.job(query.required("name"), query.page());
            case BUILD -> pages.build(query.required("job"), query.buildNumber());
            case CAUSE -> Optional.of(pages.cause(query.required("name"), query.page()));
        };
    }

    /** The cached overview with the exports' statuses of now (they change between snapshots). */
    private OverviewPage overview(Cached current) {
        return current.overview().withExports(exports.statuses());
    }

    private Answer page(String template, Object model, String root) throws RefreshException {
        StringOutput html = new StringOutput(16 * 1024);
        Templates.render(template, Map.of("page", model, "links", pages(root).links(), "embedded", true), html);
        return new Answer.Page(200, html.toString(), serverChangeSets, pending.getAsInt(), latestExports());
    }

    private Answer message(int status, String text) {
        StringOutput html = new StringOutput();
        html.writeContent("<div class=\"rebuild-causes-page\" id=\"rebuild-causes\"><p class=\"error\">");
        Escape.htmlContent(text, html);
        html.writeContent("</p></div>");
        return new Answer.Page(status, html.toString(), serverChangeSets, pending.getAsInt(), List.of());
    }

    private static Answer json(Object model) throws JsonProcessingException {
        return new Answer.Body(200, "application/json", JSON.writeValueAsBytes(model), null);
    }

    /**
     * The shared stylesheet, scoped to the plugin's pages ({@code @scope}), so that its page-wide rules
     * (body, headings, tables) style the dashboard's content and leave the server's own page alone.
     */
    private static Answer asset(String name) {
        if (name.equals(WebAssets.STYLESHEET)) {
            String css = WebAssets.text(WebAssets.STYLESHEET).replace(":root", ":scope");
            return Answer.Body.text(
                    200, "text/css; charset=utf-8", "@scope (.rebuild-causes-page) {\n" + css + "\n}\n");
        }
        if (name.equals(WebAssets.SCRIPT)) {
            return Answer.Body.text(200, "text/javascript; charset=utf-8", WebAssets.text(WebAssets.SCRIPT));
        }
        return Answer.Body.notFound("no such file");
    }

    private Answer exportFile(String name) throws IOException {
        Optional<Path> file = exports.file(name);
        if (file.isEmpty()) {
            return Answer.Body.notFound("no such export");
        }
        return new Answer.Body(200, "text/csv; charset=utf-8", Files.readAllBytes(file.get()), name.replace('/', '-'));
    }

    private List<String> latestExports() {
        try {
            return exports.latestFiles();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The server's own root (where its build pages are), when the plugin's pages sit at its {@code rebuild-causes/}. */
    private static String serverRoot(String root) {
        String own = RebuildCauses.URL_NAME + "/";
        return root.endsWith(own) ? root.substring(0, root.length() - own.length()) : null;
    }

    /** The current snapshot's pages under {@code root}, built once per snapshot and root. */
    private Cached pages(String root) throws RefreshException {
        StoreSnapshot snapshot = snapshots.current();
        Cached known = cached;
        if (known != null && known.snapshot() == snapshot && known.root().equals(root)) {
            return known;
        }
        synchronized (this) {
            known = cached;
            if (known != null && known.snapshot() == snapshot && known.root().equals(root)) {
                return known;
            }
            Links links = new Links(root);
            DashboardPages pages = new DashboardPages(
                    snapshot.index(),
                    links,
                    "Data read from the store " + CsvNumbers.instant(snapshot.loadedAt())
                            + "; builds are recorded as they finish.",
                    List.of(),
                    LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                    serverRoot(root));
            Cached fresh = new Cached(snapshot, root, links, pages, pages.overview());
            cached = fresh;
            return fresh;
        }
    }
}
