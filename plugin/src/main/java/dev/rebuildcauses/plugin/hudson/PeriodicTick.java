package dev.rebuildcauses.plugin.hudson;

import hudson.Extension;
import hudson.model.AsyncPeriodicWork;
import hudson.model.TaskListener;

/** Every few seconds: queue journalled builds again (restart, outage, full queue) and run due exports. */
@Extension
public final class PeriodicTick extends AsyncPeriodicWork {
    private static final long PERIOD = Long.getLong("rebuild-causes.tick.millis", 10_000L);

    public PeriodicTick() {
        super("Rebuild causes");
    }

    @Override
    public long getRecurrencePeriod() {
        return PERIOD;
    }

    @Override
    public long getInitialDelay() {
        return PERIOD;
    }

    @Override
    protected void execute(TaskListener listener) {
        PluginState.running().ifPresent(core -> core.tick());
    }
}
