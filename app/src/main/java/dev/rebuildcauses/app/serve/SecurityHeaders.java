package dev.rebuildcauses.app.serve;

import io.javalin.http.Context;

/**
 * Headers every response carries: a Content-Security-Policy that lets scripts and styles come only from
 * this server (no inline script runs, whatever a job name holds), no MIME sniffing, no framing, no referrer.
 */
final class SecurityHeaders {
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /** The policy of a chart's SVG image: no script, no fetch, only its own inline styles. */
    static final String CHART_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }
}
