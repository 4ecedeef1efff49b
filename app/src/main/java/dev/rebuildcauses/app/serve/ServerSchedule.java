package dev.rebuildcauses.app.serve;

import dev.rebuildcauses.app.HarvestRunner;
import dev.rebuildcauses.harvest.config.HarvestConfig;
import dev.rebuildcauses.harvest.run.HarvestSummary;
import dev.rebuildcauses.report.pages.ExportStatusRow;
import dev.rebuildcauses.service.BuildSource;
import dev.rebuildcauses.service.ExportAnalysis;
import dev.rebuildcauses.service.ExportRunner;
import dev.rebuildcauses.service.ExportScheduler;
import dev.rebuildcauses.service.ExportStatusRows;
import dev.rebuildcauses.service.SnapshotHolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * What the server runs on its own, from the config: each export at its cron times and, with
 * {@code harvest.schedule}, the harvest, after which the pages' snapshot is refreshed. Runs on the
 * service's {@link ExportScheduler}: a failed run is logged with its cause, shown on the overview and
 * tried again at its next time; it never stops the server, and the pages keep the last good data.
 */
final class ServerSchedule implements AutoCloseable {
    private final ExportScheduler scheduler;

    private ServerSchedule(ExportScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts the config's exports and harvest; nothing runs when the config schedules neither. */
    static ServerSchedule start(
            HarvestConfig config,
            ExportAnalysis analysis,
            Map<String, String> environment,
            SnapshotHolder snapshots,
            Clock clock,
            PrintWriter log) {
        ExportScheduler.Builder builder = ExportScheduler.builder(
                        new ExportRunner(BuildSource.store(config.store()), analysis, clock), clock)
                .exports(config.exports());
        if (config.schedule() != null) {
            builder.harvest(config.schedule(), () -> harvest(config.file(), environment, snapshots, clock, log));
        }
        return new ServerSchedule(builder.start());
    }

    /** One harvest, then a refresh of the pages; a failure is thrown with a message fit for the overview. */
    private static void harvest(
            Path configFile, Map<String, String> environment, SnapshotHolder snapshots, Clock clock, PrintWriter log) {
        HarvestSummary summary;
        try {
            StringWriter quiet = new StringWriter();
            summary = new HarvestRunner(new PrintWriter(quiet), new PrintWriter(quiet), environment)
                    .run(configFile, true);
            ServerHeap.loading();
            snapshots.refresh(clock.instant());
            ServerHeap.settle(); // the old snapshot and the analysis's garbage go back to the system
        } catch (Exception e) {
            // the scheduler keeps the cause in the harvest's status and tries again at the next time
            throw new ScheduledRunFailure(e.getMessage(), e);
        }
        log.println("rebuild-causes: scheduled harvest: " + summary.line());
        log.flush();
    }

    /** The exports' statuses as the overview shows them (the harvest first, when it is scheduled). */
    List<ExportStatusRow> rows() {
        List<ExportStatusRow> exports = ExportStatusRows.of(scheduler.statuses());
        return scheduler
                .harvestStatus()
                .map(harvest -> java.util.stream.Stream.concat(
                                ExportStatusRows.of(List.of(harvest)).stream(), exports.stream())
                        .toList())
                .orElse(exports);
    }

    @Override
    public void close() {
        scheduler.close();
    }

    /** A scheduled run that failed, with a message that says why and holds no secret. */
    static final class ScheduledRunFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScheduledRunFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
