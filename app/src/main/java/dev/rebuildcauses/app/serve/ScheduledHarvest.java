package dev.rebuildcauses.app.serve;

import dev.rebuildcauses.app.HarvestRunner;
import dev.rebuildcauses.harvest.run.HarvestSummary;
import dev.rebuildcauses.service.SnapshotHolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Harvests inside the server at a fixed interval, then swaps in the new snapshot. A failed harvest is
 * logged with its cause and tried again at the next tick; it never stops the server, and the pages keep
 * the last good data.
 */
final class ScheduledHarvest implements AutoCloseable {
    private final ScheduledExecutorService timer;

    private ScheduledHarvest(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts harvesting {@code configFile} every {@code every}, the first time after one interval. */
    static ScheduledHarvest start(
            Path configFile,
            Duration every,
            Map<String, String> environment,
            SnapshotHolder snapshots,
            Clock clock,
            PrintWriter log) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "scheduled-harvest");
            thread.setDaemon(true);
            return thread;
        });
        Runnable harvest = () -> {
            try {
                StringWriter quiet = new StringWriter();
                HarvestSummary summary = new HarvestRunner(new PrintWriter(quiet), new PrintWriter(quiet), environment)
                        .run(configFile, true);
                snapshots.refresh(clock.instant());
                log.println("rebuild-causes: scheduled harvest: " + summary.line());
            } catch (Exception e) {
                // the next tick tries again; the pages keep the last good snapshot
                log.println(
                        "rebuild-causes: scheduled harvest failed, trying again in " + every + ": " + e.getMessage());
            }
            log.flush();
        };
        timer.scheduleWithFixedDelay(harvest, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new ScheduledHarvest(timer);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
