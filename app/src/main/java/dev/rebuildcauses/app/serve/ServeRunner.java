package dev.rebuildcauses.app.serve;

import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import dev.rebuildcauses.analysis.classify.PathClassifier;
import dev.rebuildcauses.analysis.classify.RulesFormatException;
import dev.rebuildcauses.app.CommandFailure;
import dev.rebuildcauses.app.ExitCode;
import dev.rebuildcauses.app.StoreReports;
import dev.rebuildcauses.harvest.config.ConfigException;
import dev.rebuildcauses.harvest.config.ConfigLoader;
import dev.rebuildcauses.harvest.config.HarvestConfig;
import dev.rebuildcauses.harvest.config.ServerConfig;
import dev.rebuildcauses.report.pages.ExportStatusRow;
import dev.rebuildcauses.report.pipeline.BuildExplainer;
import dev.rebuildcauses.service.RefreshException;
import dev.rebuildcauses.service.ReportSource;
import dev.rebuildcauses.service.SnapshotHolder;
import dev.rebuildcauses.service.StoreSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Wires {@code serve} (and {@code demo}'s dashboard): the config, the store's snapshot, the server. The
 * one place that decides where the address, the port and the token come from.
 */
public final class ServeRunner {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> environment;

    public ServeRunner(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    /**
     * Reads the store, analyses it, starts what the config schedules (exports, the harvest), starts
     * listening and prints the address; the server runs until closed.
     */
    public Running start(ServeConfig config)
            throws ConfigException, RulesFormatException, CommandFailure, RefreshException {
        HarvestConfig harvest = new ConfigLoader().load(config.configFile());
        StoreReports reports =
                StoreReports.of(harvest, AdvisorSettings.defaults(), warning -> note(config, "warning: " + warning));
        ServerSettings settings = settings(config, harvest.server());
        SnapshotHolder holder = firstSnapshot(config, reports, reports.rules());
        ServerSchedule schedule =
                ServerSchedule.start(harvest, reports.exports(), environment, holder, Clock.systemUTC(), err);
        Running running;
        try {
            running = listen(settings, holder, schedule::rows, ciBase(harvest));
        } catch (CommandFailure e) {
            schedule.close();
            throw e;
        }
        running.onClose(schedule);
        if (harvest.schedule() != null) {
            note(
                    config,
                    "Harvesting " + harvest.schedule().description() + " (harvest.schedule '"
                            + harvest.schedule().expression() + "')");
        }
        if (!harvest.exports().isEmpty()) {
            note(
                    config,
                    "Running " + harvest.exports().size() + " scheduled export"
                            + (harvest.exports().size() == 1 ? "" : "s") + " (see the overview for their times)");
        }
        return running;
    }

    /**
     * Serves the report of {@code source} (the store, or a synthetic history for the benchmark), files
     * explained by {@code rules} where the report did not explain them; nothing scheduled.
     */
    public Running start(ServeConfig config, ReportSource source, PathClassifier rules, String ciBase)
            throws CommandFailure, RefreshException {
        ServerSettings settings = settings(config, ServerConfig.defaults());
        return listen(settings, firstSnapshot(config, source, rules), List::of, ciBase);
    }

    private SnapshotHolder firstSnapshot(ServeConfig config, ReportSource source, PathClassifier rules)
            throws RefreshException {
        ServerHeap.watch(); // reading a large store must not grow the heap for the server's whole life
        SnapshotHolder holder = new SnapshotHolder(source, BuildExplainer.rulesOnly(rules), Clock.systemUTC());
        StoreSnapshot first = holder.refresh(null);
        note(
                config,
                "Read " + first.index().buildCount() + " builds of "
                        + first.index().jobs().size() + " jobs in "
                        + first.took().toMillis() + " ms");
        return holder;
    }

    private Running listen(
            ServerSettings settings,
            SnapshotHolder holder,
            java.util.function.Supplier<List<ExportStatusRow>> schedule,
            String ciBase)
            throws CommandFailure {
        DashboardSite site = new DashboardSite(holder, Clock.systemUTC(), schedule, ciBase);
        site.warm(); // the overview and its charts before the first request, not by 32 requests at once
        ServerHeap.settle(); // what reading and analysing the store allocated goes back to the system
        DashboardServer server;
        try {
            server = DashboardServer.start(settings, site, err);
        } catch (RuntimeException e) {
            throw new CommandFailure(
                    ExitCode.IO, "cannot listen on " + settings.bind() + ":" + settings.port() + ": " + e.getMessage());
        }
        out.println("Dashboard at " + server.url() + (settings.token().isPresent() ? " (needs the access token)" : ""));
        out.flush();
        return new Running(server, holder);
    }

    /** The Jenkins address builds link to, ending in {@code /}. */
    private static String ciBase(HarvestConfig harvest) {
        String url = harvest.jenkins().url().toString();
        return url.endsWith("/") ? url : url + "/";
    }

    /** Address, port and token with no config file: the command line, else the defaults. */
    ServerSettings settings(ServeConfig config) throws CommandFailure {
        return settings(config, ServerConfig.defaults());
    }

    /** Address, port and token: each from the command line when given there, else from the config's {@code server:}. */
    ServerSettings settings(ServeConfig config, ServerConfig server) throws CommandFailure {
        String bind = config.bind() != null ? config.bind() : server.bind();
        int port = config.port() != null ? config.port() : server.port();
        Optional<AccessToken> token = token(config, server);
        try {
            return new ServerSettings(bind, port, token).checked();
        } catch (ServerSettings.ServeSettingsException e) {
            throw new CommandFailure(ExitCode.USAGE, e.getMessage());
        }
    }

    private Optional<AccessToken> token(ServeConfig config, ServerConfig server) throws CommandFailure {
        if (config.tokenEnv() != null && config.tokenFile() != null) {
            throw new CommandFailure(ExitCode.USAGE, "give --token-env or --token-file, not both");
        }
        if (config.tokenEnv() != null) {
            String value = environment.get(config.tokenEnv());
            if (value == null || value.isBlank()) {
                throw new CommandFailure(
                        ExitCode.USAGE, "--token-env: environment variable " + config.tokenEnv() + " is not set");
            }
            return Optional.of(new AccessToken(value));
        }
        if (config.tokenFile() != null) {
            return Optional.of(new AccessToken(readToken(config.tokenFile())));
        }
        if (server.token() != null) {
            try {
                return Optional.of(new AccessToken(server.token().resolve(environment)));
            } catch (ConfigException e) {
                throw new CommandFailure(ExitCode.BAD_CONFIG, e.getMessage());
            }
        }
        return Optional.empty();
    }

    private static String readToken(Path file) throws CommandFailure {
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new CommandFailure(ExitCode.USAGE, "--token-file: " + file + " is empty");
            }
            return value;
        } catch (IOException e) {
            throw new CommandFailure(
                    ExitCode.USAGE,
                    "--token-file: cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }

    private void note(ServeConfig config, String line) {
        if (!config.quiet()) {
            err.println(line);
            err.flush();
        }
    }

    /** A started dashboard: stops on {@link #close()} or when the JVM shuts down (Ctrl-C). */
    public static final class Running implements AutoCloseable {
        private final DashboardServer server;
        private final SnapshotHolder holder;
        private final CountDownLatch stopped = new CountDownLatch(1);
        private final Thread hook;
        private final java.util.List<AutoCloseable> alsoClose = new java.util.concurrent.CopyOnWriteArrayList<>();

        Running(DashboardServer server, SnapshotHolder holder) {
            this.server = server;
            this.holder = holder;
            this.hook = new Thread(this::stop, "dashboard-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        public DashboardServer server() {
            return server;
        }

        public SnapshotHolder snapshots() {
            return holder;
        }

        /** Blocks until the server is stopped (Ctrl-C). */
        public void awaitStop() throws InterruptedException {
            stopped.await();
        }

        /** Closes {@code resource} (e.g. the harvest schedule) before the server stops. */
        void onClose(AutoCloseable resource) {
            alsoClose.add(resource);
        }

        private void stop() {
            for (AutoCloseable resource : alsoClose) {
                try {
                    resource.close();
                } catch (Exception e) {
                    // stopping anyway: nothing is left to report to
                }
            }
            server.close();
            stopped.countDown();
        }

        @Override
        public void close() {
            stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running or ran
            }
        }
    }
}
