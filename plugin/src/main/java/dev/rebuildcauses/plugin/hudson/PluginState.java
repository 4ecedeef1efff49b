package dev.rebuildcauses.plugin.hudson;

import dev.rebuildcauses.plugin.PluginSettings;
import dev.rebuildcauses.plugin.RebuildCauses;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The running plugin of this server: started from the saved configuration, restarted when it changes. */
final class PluginState {
    private static final Logger LOG = Logger.getLogger(PluginState.class.getName());
    private static RebuildCauses running;

    private PluginState() {}

    /** The running plugin, or empty when it could not start (the reason was logged). */
    static synchronized Optional<RebuildCauses> running() {
        return Optional.ofNullable(running);
    }

    /** Stops the running plugin, if any, and starts it with {@code settings}; logs and keeps going on failure. */
    static synchronized void restart(PluginSettings settings) {
        if (running != null) {
            running.close();
            running = null;
        }
        try {
            running = RebuildCauses.start(RebuildCauses.home(HudsonFacade.serverHome()), settings);
        } catch (Exception e) { // a broken configuration must not stop the server; the page shows it
            LOG.log(Level.WARNING, "Rebuild causes: cannot start with the saved configuration: " + e.getMessage(), e);
        }
    }
}
