package dev.rebuildcauses.app.serve;

import dev.rebuildcauses.service.SnapshotHolder;
import dev.rebuildcauses.service.StoreSnapshot;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import io.javalin.http.ServiceUnavailableResponse;
import java.time.Clock;

/** The dashboard's routes: thin handlers that parse the request, read the current snapshot and render. */
final class DashboardSite {
    static final String STATIC = "/static";
    /** Where the shared {@code webapp/} folder is packaged (by the report module). */
    static final String STATIC_RESOURCES = "/dev/rebuildcauses/webapp/static";

    private final SnapshotHolder snapshots;
    private final Clock clock;

    DashboardSite(SnapshotHolder snapshots, Clock clock) {
        this.snapshots = snapshots;
        this.clock = clock;
    }

    void routes(RoutesConfig routes) {
        routes.get("/health", ctx -> ctx.contentType("text/plain")
                .result(snapshots.current().isPresent() ? "ok" : "loading"));
        routes.get("/csv/{table}", ctx -> CsvDownloads.answer(ctx, snapshot().index()));
        routes.get(
                "/", ctx -> ctx.status(HttpStatus.OK).contentType("text/plain").result("Rebuild Causes"));
    }

    private StoreSnapshot snapshot() {
        return snapshots
                .current()
                .orElseThrow(() -> new ServiceUnavailableResponse("the first report is still being computed"));
    }
}
