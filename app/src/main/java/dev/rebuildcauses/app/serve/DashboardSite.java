package dev.rebuildcauses.app.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rebuildcauses.report.csv.CsvNumbers;
import dev.rebuildcauses.report.html.Templates;
import dev.rebuildcauses.report.html.WebAssets;
import dev.rebuildcauses.report.pages.DashboardPages;
import dev.rebuildcauses.report.pages.ExportStatusRow;
import dev.rebuildcauses.report.pages.Links;
import dev.rebuildcauses.report.pages.OverviewPage;
import dev.rebuildcauses.service.SnapshotHolder;
import dev.rebuildcauses.service.StoreSnapshot;
import gg.jte.output.StringOutput;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The dashboard's routes: thin handlers that parse the request, ask the current snapshot's page builder
 * for the page's view model, and render it as HTML (the shared templates) or JSON (the same record).
 */
final class DashboardSite {
    static final String STATIC = "/static";
    /** Where the shared {@code webapp/} folder is packaged (by the report module). */
    static final String STATIC_RESOURCES = "/dev/rebuildcauses/webapp/static";

    private static final Links LINKS = new Links("/");
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final SnapshotHolder snapshots;
    private final Clock clock;
    private final Supplier<List<ExportStatusRow>> exports;
    private final String ciBase;
    private volatile Cached cached;

    /**
     * @param exports the scheduled exports' statuses, asked on every overview
     * @param ciBase the CI server's address ending in {@code /}, for links to builds; {@code null} for none
     */
    DashboardSite(SnapshotHolder snapshots, Clock clock, Supplier<List<ExportStatusRow>> exports, String ciBase) {
        this.snapshots = snapshots;
        this.clock = clock;
        this.exports = exports;
        this.ciBase = ciBase;
    }

    /** The pages of one snapshot, with what every request of it would compute the same way. */
    private record Cached(
            StoreSnapshot snapshot,
            DashboardPages pages,
            OverviewPage overview,
            String causeColors,
            RenderedPages rendered) {}

    /** Whether a page's bytes may be kept for the snapshot. */
    private enum Caching {
        /** Rendered on every request. */
        NONE,
        /** Depends on the snapshot and the request's parameters only: rendered once per snapshot. */
        BY_REQUEST,
        /** The overview: kept while the export statuses it shows are those it was built with. */
        OVERVIEW
    }

    void routes(RoutesConfig routes) {
        routes.get("/health", ctx -> ctx.contentType("text/plain")
                .result(snapshots.current().isPresent() ? "ok" : "loading"));
        routes.get("/cause-colors.css", ctx -> ctx.contentType("text/css; charset=utf-8")
                .header("Cache-Control", "no-cache")
                .result(pages().causeColors()));
        routes.get("/chart.svg", ctx -> {
            String job = ctx.queryParam("job");
            String svg = pages().pages()
                    .charts()
                    .find(job, required(ctx, "id"))
                    .orElseThrow(() -> new NotFoundResponse("no such chart"))
                    .svg();
            // an image document runs no script; its own policy lets JFreeSVG's style attributes apply
            ctx.header("Content-Security-Policy", SecurityHeaders.CHART_POLICY)
                    .header("Cache-Control", "no-cache")
                    .contentType("image/svg+xml; charset=utf-8")
                    .result(svg);
        });
        routes.get(
                "/csv/{table}",
                ctx -> CsvDownloads.answer(ctx, pages().snapshot().index()));
        page(routes, "/", "dashboard/overview.jte", Caching.OVERVIEW, ctx -> overview());
        page(routes, "/jobs", "dashboard/jobs.jte", Caching.BY_REQUEST, ctx -> pages().pages()
                .jobs(JobsQueries.from(ctx)));
        page(routes, "/job", "dashboard/job.jte", Caching.BY_REQUEST, ctx -> pages().pages()
                .job(required(ctx, "name"), pageNumber(ctx))
                .orElseThrow(() -> new NotFoundResponse("no job of that name in the store")));
        page(routes, "/build", "dashboard/build.jte", Caching.NONE, ctx -> {
            String job = required(ctx, "job");
            long number = Lookups.build(Lookups.job(pages().snapshot().index(), job), ctx.queryParam("number"))
                    .build()
                    .number();
            return pages().pages().build(job, number).orElseThrow(() -> new NotFoundResponse("no such build"));
        });
        page(routes, "/cause", "dashboard/cause.jte", Caching.BY_REQUEST, ctx -> pages().pages()
                .cause(required(ctx, "name"), pageNumber(ctx)));
    }

    /** A view model for a request. */
    @FunctionalInterface
    private interface Model {
        Object of(Context ctx) throws Exception;
    }

    /**
     * Registers the HTML page at {@code path} and its JSON under {@code /api}, both from the same view model;
     * pages that allow it are rendered once per snapshot and then served as bytes.
     */
    private void page(RoutesConfig routes, String path, String template, Caching caching, Model model) {
        routes.get(
                path,
                ctx -> send(ctx, "text/html; charset=utf-8", caching, () -> {
                    StringOutput out = new StringOutput(16 * 1024);
                    Templates.render(template, Map.of("page", model.of(ctx), "links", LINKS), out);
                    return out.toString().getBytes(StandardCharsets.UTF_8);
                }));
        String api = "/api" + (path.equals("/") ? "/overview" : path);
        routes.get(api, ctx -> send(ctx, "application/json", caching, () -> JSON.writeValueAsBytes(model.of(ctx))));
    }

    /**
     * Answers with the page's bytes: rendered for this request, or, where the page allows it, the bytes kept
     * for the snapshot (rendered by the first request), sent as they are.
     */
    private void send(Context ctx, String contentType, Caching caching, RenderedPages.Renderer renderer)
            throws Exception {
        PageBytes kept = kept(ctx, caching, renderer);
        if (kept == null) {
            ctx.contentType(contentType).result(renderer.render());
        } else {
            kept.send(ctx, contentType);
        }
    }

    /** The bytes kept for this request's page, or {@code null} when the page is rendered per request. */
    private PageBytes kept(Context ctx, Caching caching, RenderedPages.Renderer renderer) throws Exception {
        if (caching == Caching.NONE) {
            return null;
        }
        // the cache of the snapshot current now: the page rendered below is of this snapshot or a newer one
        Cached current = pages();
        if (caching == Caching.OVERVIEW
                && !exports.get().equals(current.overview().exports())) {
            return null;
        }
        return current.rendered().get(RenderedPages.key(ctx), renderer);
    }

    private OverviewPage overview() {
        return pages().overview().withExports(exports.get());
    }

    /** The current snapshot's pages, built once per snapshot (one thread builds, the others wait for it). */
    private Cached pages() {
        StoreSnapshot snapshot = snapshots
                .current()
                .orElseThrow(() -> new ServiceUnavailableResponse("the first report is still being computed"));
        Cached known = cached;
        if (known != null && known.snapshot() == snapshot) {
            return known;
        }
        synchronized (this) {
            known = cached;
            if (known != null && known.snapshot() == snapshot) {
                return known;
            }
            DashboardPages pages = new DashboardPages(
                    snapshot.index(),
                    LINKS,
                    freshness(snapshot),
                    List.of(),
                    LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                    ciBase);
            // every job's charts now, once per snapshot, rather than by the first requests of each job at once
            snapshot.index().jobs().keySet().forEach(job -> pages.charts().job(job));
            Cached fresh = new Cached(
                    snapshot,
                    pages,
                    pages.overview(),
                    WebAssets.causeColors(snapshot.index().causes()),
                    new RenderedPages());
            cached = fresh;
            return fresh;
        }
    }

    /** Builds the current snapshot's overview and charts now, before the first request asks. */
    void warm() {
        if (snapshots.current().isPresent()) {
            pages();
        }
    }

    private static String freshness(StoreSnapshot snapshot) {
        String read = "read from the store " + CsvNumbers.instant(snapshot.loadedAt());
        return snapshot.lastHarvest()
                .map(at -> "Data last harvested " + CsvNumbers.instant(at) + ", " + read + ".")
                .orElse("Data " + read + " (the store records no harvest).");
    }

    private static String required(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null) {
            throw new io.javalin.http.BadRequestResponse("give ?" + name + "=");
        }
        return value;
    }

    private static int pageNumber(Context ctx) {
        String text = ctx.queryParam("page");
        try {
            return text == null ? 1 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new io.javalin.http.BadRequestResponse("page must be a whole number");
        }
    }
}
