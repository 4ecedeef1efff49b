package dev.rebuildcauses.harvest.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code server:} section of the dashboard.
 *
 * @param bind the address to listen on; loopback unless an access token is configured
 * @param port the TCP port
 * @param token where the access token is kept, or {@code null} for none (loopback only)
 */
public record ServerConfig(String bind, int port, TokenRef token) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8484;

    /** Loopback on port 8484 without a token. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_BIND, DEFAULT_PORT, null);
    }

    public Optional<TokenRef> tokenRef() {
        return Optional.ofNullable(token);
    }

    /** Whether {@code bind} reaches only this machine (checked by its text: no name is resolved). */
    public boolean isLoopback() {
        String address = bind.toLowerCase(Locale.ROOT);
        return address.equals("localhost")
                || address.equals("::1")
                || address.equals("[::1]")
                || address.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
