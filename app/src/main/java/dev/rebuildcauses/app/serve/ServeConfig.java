package dev.rebuildcauses.app.serve;

import java.nio.file.Path;

/**
 * The options of {@code serve}. Where an option is not given, the config's {@code server:} section
 * decides, and after it the defaults (loopback, port 8484, no token).
 *
 * @param configFile the rebuild-causes.yml naming the store
 * @param bind the address to listen on, {@code null} for the config's
 * @param port the port, 0 for any free one, {@code null} for the config's
 * @param tokenEnv the environment variable holding the access token, or {@code null}
 * @param tokenFile the file holding the access token, or {@code null}
 * @param quiet no notes on stderr
 */
public record ServeConfig(Path configFile, String bind, Integer port, String tokenEnv, Path tokenFile, boolean quiet) {
    public static final String LOOPBACK = ServerSettings.LOOPBACK;
}
