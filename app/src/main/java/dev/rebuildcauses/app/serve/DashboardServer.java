package dev.rebuildcauses.app.serve;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.PrintWriter;
import java.net.URI;

/** The dashboard's web server (Javalin on Jetty): security first on every request, then the site's routes. */
public final class DashboardServer implements AutoCloseable {
    private final Javalin app;
    private final String host;

    private DashboardServer(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /** Starts listening; the site's routes answer, each request first passing the headers and the token gate. */
    static DashboardServer start(ServerSettings settings, DashboardSite site, PrintWriter log) {
        TokenGate gate = settings.token().map(TokenGate::new).orElse(null);
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = settings.bind();
            cfg.jetty.port = settings.port();
            cfg.http.generateEtags = false;
            if (DashboardServer.class.getResource(DashboardSite.STATIC_RESOURCES) != null) {
                cfg.staticFiles.add(files -> {
                    files.hostedPath = DashboardSite.STATIC;
                    files.directory = DashboardSite.STATIC_RESOURCES;
                    files.location = Location.CLASSPATH;
                    files.precompressMaxSize = 0;
                    files.headers = java.util.Map.of("Cache-Control", "max-age=300");
                });
            }
            cfg.routes.before(SecurityHeaders::apply);
            if (gate != null) {
                cfg.routes.before(ctx -> {
                    if (!ctx.path().startsWith(DashboardSite.STATIC + "/")) {
                        gate.check(ctx);
                    }
                });
            }
            site.routes(cfg.routes);
            cfg.routes.exception(Exception.class, (failure, ctx) -> {
                // the path only: a query string could carry a mistyped token
                log.println("rebuild-causes: dashboard: " + ctx.method() + " " + ctx.path() + " failed: " + failure);
                log.flush();
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                        .contentType("text/plain; charset=utf-8")
                        .result("The dashboard failed to answer this request; the server log says why.");
            });
        });
        app.start();
        return new DashboardServer(app, settings.bind());
    }

    public int port() {
        return app.port();
    }

    /** The address to open, e.g. {@code http://127.0.0.1:8484/}. */
    public URI url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        if (host.equals("0.0.0.0") || host.equals("::")) {
            shown = "127.0.0.1";
        }
        return URI.create("http://" + shown + ":" + port() + "/");
    }

    @Override
    public void close() {
        app.stop();
    }
}
