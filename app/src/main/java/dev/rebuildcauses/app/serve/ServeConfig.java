package dev.rebuildcauses.app.serve;

import java.nio.file.Path;

/**
 * The options of {@code serve}.
 *
 * @param configFile the rebuild-causes.yml naming the store
 * @param bind the address to listen on
 * @param port the port, 0 for any free one
 * @param tokenEnv the environment variable holding the access token, or {@code null}
 * @param tokenFile the file holding the access token, or {@code null}
 * @param quiet no notes on stderr
 */
public record ServeConfig(Path configFile, String bind, int port, String tokenEnv, Path tokenFile, boolean quiet) {
    public static final String LOOPBACK = ServerSettings.LOOPBACK;
}
