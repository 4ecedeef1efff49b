package dev.rebuildcauses.app.serve;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.UnauthorizedResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lets a request through when it carries the access token: an {@code Authorization: Bearer} header, or
 * the session cookie a {@code ?token=} login set once (the login answers with a redirect to the same
 * address without the token, so it stays in no page and no later request).
 */
final class TokenGate {
    static final String COOKIE = "rc_session";
    static final String LOGIN_PARAMETER = "token";

    private final AccessToken token;

    TokenGate(AccessToken token) {
        this.token = token;
    }

    /** Runs before every handler but the static assets. */
    void check(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            if (token.matches(authorization.substring(7))) {
                return;
            }
            throw new UnauthorizedResponse("wrong access token");
        }
        String login = ctx.queryParam(LOGIN_PARAMETER);
        if (login != null) {
            if (!token.matches(login)) {
                throw new UnauthorizedResponse("wrong access token");
            }
            Cookie cookie = new Cookie(COOKIE, token.sessionValue());
            cookie.setHttpOnly(true);
            cookie.setSameSite(SameSite.STRICT);
            cookie.setPath("/");
            ctx.cookie(cookie);
            ctx.redirect(withoutToken(ctx), HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        if (token.matchesSession(ctx.cookie(COOKIE))) {
            return;
        }
        throw new UnauthorizedResponse("this dashboard needs its access token: open it once with ?token=…, or "
                + "send Authorization: Bearer …");
    }

    /** The request's path and query without the token parameter. */
    static String withoutToken(Context ctx) {
        Map<String, List<String>> params = ctx.queryParamMap();
        String query = params.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(LOGIN_PARAMETER))
                .flatMap(entry -> entry.getValue().stream().map(value -> encode(entry.getKey()) + "=" + encode(value)))
                .collect(Collectors.joining("&"));
        return ctx.path() + (query.isEmpty() ? "" : "?" + query);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
