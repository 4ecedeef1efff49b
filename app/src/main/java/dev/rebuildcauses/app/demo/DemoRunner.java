package dev.rebuildcauses.app.demo;

import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.app.CommandFailure;
import dev.rebuildcauses.app.ExitCode;
import dev.rebuildcauses.app.ReportPipeline;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.http.HttpSettings;
import dev.rebuildcauses.harvest.run.HarvestSummary;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Wires {@code demo}: simulator up, harvest over HTTP into the embedded store, simulator down, report. */
public final class DemoRunner {
    private final PrintWriter out;
    private final PrintWriter err;

    public DemoRunner(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    public Findings run(DemoConfig config) throws HarvestException, CommandFailure, IOException {
        if (config.builds() < 100 || config.builds() > 200_000) {
            throw new CommandFailure(ExitCode.USAGE, "--builds must be between 100 and 200000, was " + config.builds());
        }
        if (config.latencyMillis() < 0 || config.latencyMillis() > 10_000) {
            throw new CommandFailure(
                    ExitCode.USAGE, "--latency-ms must be between 0 and 10000, was " + config.latencyMillis());
        }
        boolean temporary = config.dataDir() == null;
        Path data = temporary ? Files.createTempDirectory("rebuild-causes-demo") : config.dataDir();
        List<BuildChanges> builds;
        try {
            builds = harvest(config, data);
        } finally {
            if (temporary) {
                deleteTree(data);
            }
        }
        return new ReportPipeline(RuleSet.defaults(), config.outDir(), config.quiet(), out, err).run(builds);
    }

    private List<BuildChanges> harvest(DemoConfig config, Path data) throws HarvestException {
        SimulatorOptions options = SimulatorOptions.defaults()
                .withBuilds(config.builds())
                .withSeed(config.seed())
                .withLatency(Duration.ofMillis(config.latencyMillis()));
        try (Simulator simulator = Simulator.start(options)) {
            note(
                    config,
                    "Simulated Jenkins at " + simulator.jenkinsUrl() + " and Bitbucket Server at "
                            + simulator.bitbucketUrl() + ": "
                            + simulator.history().buildCount() + " builds of "
                            + simulator.history().buildableJobs().size() + " jobs over six months");
            String jdbcUrl = "jdbc:h2:file:" + data.resolve("store").toAbsolutePath();
            try (BuildStore store = BuildStore.open(jdbcUrl)) {
                HarvestProgressBar bar = new HarvestProgressBar(err, !config.quiet());
                HarvestSummary summary;
                try {
                    summary = SimulatedHarvest.run(simulator, store, HttpSettings.defaults(), bar);
                } finally {
                    bar.finish();
                }
                note(config, summary.line());
                return store.loadBuildChanges(BuildFilter.all());
            }
        }
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
