package dev.rebuildcauses.app.serve;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Where the dashboard listens and who may read it.
 *
 * @param bind the address to bind, e.g. {@code 127.0.0.1}
 * @param port the port, 0 for any free one
 * @param token the access token requests must carry, empty for none (loopback only)
 */
record ServerSettings(String bind, int port, Optional<AccessToken> token) {
    static final String LOOPBACK = "127.0.0.1";
    static final int DEFAULT_PORT = 8484;

    /** Checks that an address beyond loopback comes with a token; returns the settings. */
    ServerSettings checked() throws ServeSettingsException {
        if (port < 0 || port > 65_535) {
            throw new ServeSettingsException("--port must be between 0 and 65535, was " + port);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ServeSettingsException("cannot bind to " + bind + ": unknown address");
        }
        if (!address.isLoopbackAddress() && token.isEmpty()) {
            throw new ServeSettingsException("refusing to serve on " + bind + " without an access token: anyone who "
                    + "reaches it could read every job; set --token-env VAR or --token-file FILE, or bind to "
                    + LOOPBACK);
        }
        return this;
    }

    /** A failure of the settings themselves, reported as a usage error. */
    static final class ServeSettingsException extends Exception {
        private static final long serialVersionUID = 1L;

        ServeSettingsException(String message) {
            super(message);
        }
    }
}
