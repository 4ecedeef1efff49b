package dev.rebuildcauses.app.serve;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The options of {@code serve}.
 *
 * @param configFile the rebuild-causes.yml naming the store
 * @param bind the address to listen on
 * @param port the port, 0 for any free one
 * @param tokenEnv the environment variable holding the access token, or {@code null}
 * @param tokenFile the file holding the access token, or {@code null}
 * @param quiet no notes on stderr
 * @param harvestEvery how often to harvest inside the server, {@code null} for never
 */
public record ServeConfig(
        Path configFile, String bind, int port, String tokenEnv, Path tokenFile, boolean quiet, Duration harvestEvery) {
    public static final String LOOPBACK = ServerSettings.LOOPBACK;

    /** Without a scheduled harvest. */
    public ServeConfig(Path configFile, String bind, int port, String tokenEnv, Path tokenFile, boolean quiet) {
        this(configFile, bind, port, tokenEnv, tokenFile, quiet, null);
    }
}
