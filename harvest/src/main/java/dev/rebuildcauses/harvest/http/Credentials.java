package dev.rebuildcauses.harvest.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** How a remote is authenticated: nothing, HTTP Basic with user and token, or a Bearer token; never printed. */
public final class Credentials {
    private static final Credentials NONE = new Credentials("none", "", "");

    private final String scheme;
    private final String user;
    private final String secret;

    private Credentials(String scheme, String user, String secret) {
        this.scheme = scheme;
        this.user = user;
        this.secret = secret;
    }

    /** Anonymous requests. */
    public static Credentials none() {
        return NONE;
    }

    /** HTTP Basic with a user (for Bitbucket Cloud API tokens: the account e-mail) and an API token. */
    public static Credentials basic(String user, String token) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(token, "token");
        return new Credentials("Basic", user, token);
    }

    /** {@code Authorization: Bearer <token>} (Bitbucket HTTP access tokens, Cloud access tokens). */
    public static Credentials bearer(String token) {
        Objects.requireNonNull(token, "token");
        return new Credentials("Bearer", "", token);
    }

    /**
     * Basic when a user is given, Bearer when only a token is, none when there is no token: what a
     * config file with optional {@code user} and token means.
     */
    public static Credentials of(String user, String token) {
        if (token == null || token.isEmpty()) {
            return none();
        }
        return user == null || user.isEmpty() ? bearer(token) : basic(user, token);
    }

    public boolean isPresent() {
        return !secret.isEmpty();
    }

    /** The {@code Authorization} header value for other clients of the same server (git over HTTPS). */
    public java.util.Optional<String> authorization() {
        return java.util.Optional.ofNullable(authorizationHeader());
    }

    /** The {@code Authorization} header value, or {@code null} for anonymous requests. */
    String authorizationHeader() {
        return switch (scheme) {
            case "Basic" -> "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
            case "Bearer" -> "Bearer " + secret;
            default -> null;
        };
    }

    /** The text with the secret (and its Basic encoding) replaced by {@code ***}: a last guard for messages. */
    String scrub(String text) {
        if (text == null || secret.isEmpty()) {
            return text;
        }
        String header = authorizationHeader();
        String scrubbed = text.replace(secret, "***");
        return header == null ? scrubbed : scrubbed.replace(header.substring(header.indexOf(' ') + 1), "***");
    }

    @Override
    public String toString() {
        return switch (scheme) {
            case "Basic" -> "Basic(user=" + user + ", token=***)";
            case "Bearer" -> "Bearer(token=***)";
            default -> "none";
        };
    }
}
