package dev.rebuildcauses.plugin.hudson;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.listeners.RunListener;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Hands every finished build to the background recorder; never fails or slows a build. */
@Extension
@SuppressWarnings("rawtypes") // the server's listener type is raw
public final class RecordingListener extends RunListener<Run> {
    private static final Logger LOG = Logger.getLogger(RecordingListener.class.getName());

    public RecordingListener() {
        super(Run.class);
    }

    @Override
    public void onCompleted(Run run, TaskListener listener) {
        try {
            PluginState.running().ifPresent(core -> core.record(HudsonFacade.describe(run, listener)));
        } catch (RuntimeException | LinkageError e) { // nothing from the plugin may fail a build
            LOG.log(Level.WARNING, "Rebuild causes: cannot record " + run, e);
        }
    }
}
