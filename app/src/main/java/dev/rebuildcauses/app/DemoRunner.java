package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import dev.rebuildcauses.analysis.classify.RulesFormatException;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.app.serve.ServeConfig;
import dev.rebuildcauses.app.serve.ServeRunner;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.config.ConfigException;
import dev.rebuildcauses.service.RefreshException;
import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Wires {@code demo}: the simulator up, a {@code rebuild-causes.yml} pointing at it, then exactly what
 * {@code harvest}, {@code report} and {@code serve} do with that config.
 */
final class DemoRunner {
    static final String JENKINS_TOKEN_ENV = "DEMO_JENKINS_TOKEN";
    static final String BITBUCKET_TOKEN_ENV = "DEMO_BITBUCKET_TOKEN";
    /** The export the demo's config carries as an example. */
    static final String EXAMPLE_EXPORT = "weekly-causes";

    private final PrintWriter out;
    private final PrintWriter err;

    DemoRunner(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    Findings run(DemoConfig config)
            throws HarvestException, CommandFailure, IOException, ConfigException, RulesFormatException,
                    RefreshException, InterruptedException {
        if (config.builds() < 100 || config.builds() > 200_000) {
            throw new CommandFailure(ExitCode.USAGE, "--builds must be between 100 and 200000, was " + config.builds());
        }
        if (config.latencyMillis() < 0 || config.latencyMillis() > 10_000) {
            throw new CommandFailure(
                    ExitCode.USAGE, "--latency-ms must be between 0 and 10000, was " + config.latencyMillis());
        }
        boolean temporary = config.dataDir() == null;
        Path data = temporary ? Files.createTempDirectory("rebuild-causes-demo") : config.dataDir();
        try {
            Files.createDirectories(data);
            SimulatorOptions options = SimulatorOptions.defaults()
                    .withBuilds(config.builds())
                    .withSeed(config.seed())
                    .withLatency(Duration.ofMillis(config.latencyMillis()));
            // the simulator stays up while the dashboard serves, so a scheduled harvest has a server to ask
            try (Simulator simulator = Simulator.start(options)) {
                Path configFile = harvest(config, simulator, data);
                Findings findings = new ReportRunner(out, err)
                        .run(new ReportConfig(
                                configFile,
                                config.outDir(),
                                null,
                                null,
                                null,
                                null,
                                config.quiet(),
                                false,
                                AdvisorSettings.defaults(),
                                ReportFormats.WITH_HTML));
                if (config.serve()) {
                    serve(config, configFile, environment(simulator.options()));
                }
                return findings;
            }
        } finally {
            if (temporary) {
                deleteTree(data);
            }
        }
    }

    /** Serves the dashboard over the demo's store until Ctrl-C. */
    private void serve(DemoConfig config, Path configFile, Map<String, String> environment)
            throws ConfigException, RulesFormatException, CommandFailure, RefreshException, InterruptedException {
        ServeConfig serve =
                new ServeConfig(configFile, ServeConfig.LOOPBACK, config.port(), null, null, config.quiet());
        try (ServeRunner.Running running = new ServeRunner(out, err, environment).start(serve)) {
            note(config, "Serving the dashboard until Ctrl-C (run with --no-serve to stop after the report)");
            running.awaitStop();
        }
    }

    /** The tokens the generated config names, as a user would export them. */
    private static Map<String, String> environment(SimulatorOptions options) {
        return Map.of(JENKINS_TOKEN_ENV, options.jenkinsToken(), BITBUCKET_TOKEN_ENV, options.bitbucketToken());
    }

    /** Writes the config that points at the simulator, harvests; returns the config file. */
    private Path harvest(DemoConfig config, Simulator simulator, Path data)
            throws HarvestException, ConfigException, IOException {
        SimulatorOptions options = simulator.options();
        // the repositories as real git repositories at their clone URLs: the demo harvests in
        // mirror mode, so the report infers from them and reads the Dockerfiles for advice
        simulator.serveGit(data.resolve("simulated-git"));
        note(
                config,
                "Simulated Jenkins at " + simulator.jenkinsUrl() + " and Bitbucket Server at "
                        + simulator.bitbucketUrl() + ": "
                        + simulator.history().buildCount() + " builds of "
                        + simulator.history().buildableJobs().size() + " jobs over six months");
        Path configFile = data.resolve("rebuild-causes.yml");
        Files.writeString(configFile, configYaml(simulator, data), StandardCharsets.UTF_8);
        note(
                config,
                "Harvesting with " + configFile
                        + (config.dataDir() == null
                                ? " (removed at the end; keep it and the store with --data DIR)"
                                : ""));
        new HarvestRunner(out, err, environment(options)).run(configFile, config.quiet());
        return configFile;
    }

    /**
     * The config a user would write for the simulator. Nothing is mapped: the multibranch branch jobs'
     * config.xml names no git remote and their pipelines load a shared library, but the revision on
     * the job's own branch (and its BuildData's remote) tells the repository.
     */
    static String configYaml(Simulator simulator, Path data) {
        return "# written by 'rebuild-causes demo' for its simulated servers\n"
                + "jenkins:\n"
                + "  url: " + simulator.jenkinsUrl() + "\n"
                + "  user: " + simulator.options().jenkinsUser() + "\n"
                + "  tokenEnv: " + JENKINS_TOKEN_ENV + "\n"
                + "  include: [\"**\"]\n"
                + "changes:\n"
                + "  source: bitbucket-server\n"
                + "  url: " + simulator.bitbucketUrl() + "\n"
                + "  tokenEnv: " + BITBUCKET_TOKEN_ENV + "\n"
                + "  mirror: true              # clone each repository into rebuild-causes-data/mirrors\n"
                + "store: jdbc:h2:file:" + data.resolve("store").toAbsolutePath() + "\n"
                + "# 'rebuild-causes export --config <this file>' writes these now; 'serve' at their schedule\n"
                + "exports:\n"
                + "  - name: " + EXAMPLE_EXPORT + "\n"
                + "    schedule: \"0 6 * * MON\"     # Mondays 06:00 UTC\n"
                + "    files: [causes, jobs]\n"
                + "    filter:\n"
                + "      window: last 30 days\n"
                + "    target: exports/" + EXAMPLE_EXPORT + "\n"
                + "    keep: 8\n";
    }

    private void note(DemoConfig config, String line) {
        if (!config.quiet()) {
            err.println(line);
            err.flush();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw new IOException(
                    "cannot remove the temporary store " + root + ": "
                            + e.getCause().getMessage(),
                    e);
        }
    }
}
