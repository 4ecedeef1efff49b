package dev.rebuildcauses.app.bench;

import dev.rebuildcauses.app.demo.SimulatedHarvest;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.http.HttpSettings;
import dev.rebuildcauses.harvest.run.HarvestProgress;
import dev.rebuildcauses.harvest.run.HarvestSummary;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.SimulatorOptions;
import dev.rebuildcauses.simulator.baseline.NaiveCrawler;
import dev.rebuildcauses.simulator.history.SimulatedHistory;
import dev.rebuildcauses.simulator.server.GitSmartHttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-harvest}: the real harvester against the simulator with latency per request, against
 * the naive crawler (one request per build, then per commit), and a second harvest with nothing new.
 */
@Command(
        name = "bench-harvest",
        mixinStandardHelpOptions = true,
        description = {
            "Times a harvest of the simulator against the naive crawler and a second, empty harvest.",
            "",
            "Harvests twice into fresh stores: through Bitbucket's REST API (changes.mirror: false), then in "
                    + "mirror mode (the default: the simulator serves its repositories over git's smart HTTP "
                    + "protocol and the harvester clones them). Prints the requests per build of both and "
                    + "each mode's speed-up against the naive crawler."
        })
public final class BenchHarvestCommand implements Callable<Integer> {
    @Option(names = "--builds", defaultValue = "10000", description = "Builds to simulate (default: ${DEFAULT-VALUE}).")
    int builds;

    @Option(
            names = "--latency-ms",
            defaultValue = "20",
            description = "Latency per request on both servers (default: ${DEFAULT-VALUE}).")
    int latencyMillis;

    @Option(
            names = "--concurrency",
            defaultValue = "4",
            description = "Requests in flight at once per remote for the harvester (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--baseline-seconds",
            defaultValue = "60",
            description = "Time the naive crawler may run; its total is extrapolated from the requests it made "
                    + "per second when it does not finish (0: run it to the end) (default: ${DEFAULT-VALUE}).")
    int baselineSeconds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the history (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the benchmark alone: {@code java -cp rebuild-causes.jar dev.rebuildcauses.app.bench.BenchHarvestCommand}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchHarvestCommand()).execute(args));
    }

    @Override
    public Integer call() throws HarvestException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        long generateStart = System.nanoTime();
        SimulatedHistory history = SimulatedHistory.generate(seed, builds);
        out.printf(
                Locale.ROOT,
                "history: %,d builds of %d jobs generated in %.1f s; latency %d ms per request%n",
                history.buildCount(),
                history.buildableJobs().size(),
                seconds(generateStart),
                latencyMillis);
        out.flush();
        SimulatorOptions options = SimulatorOptions.defaults()
                .withSeed(seed)
                .withBuilds(builds)
                .withLatency(Duration.ofMillis(latencyMillis));
        HttpSettings settings = HttpSettings.defaults().withMaxConcurrentRequests(concurrency);
        Path data = Files.createTempDirectory("rebuild-causes-bench");
        double harvestSeconds;
        long harvestRequests;
        long harvestBitbucket;
        double mirrorSeconds;
        try (Simulator simulator = Simulator.start(options, history);
                BuildStore store =
                        BuildStore.open("jdbc:h2:file:" + data.resolve("store").toAbsolutePath())) {
            long start = System.nanoTime();
            HarvestSummary first = SimulatedHarvest.run(simulator, store, settings, HarvestProgress.NONE);
            harvestSeconds = seconds(start);
            harvestRequests = simulator.requestCount();
            harvestBitbucket = simulator.bitbucket().requestCount();
            out.printf(
                    Locale.ROOT,
                    "harvester, REST mode (changes.mirror: false), first harvest: %.1f s, %,d requests (jenkins %,d, bitbucket %,d), "
                            + "%.1f builds/s%n  %s%n",
                    harvestSeconds,
                    harvestRequests,
                    simulator.jenkins().requestCount(),
                    simulator.bitbucket().requestCount(),
                    first.newBuilds() / harvestSeconds,
                    first.line());
            out.flush();

            simulator.resetCounts();
            start = System.nanoTime();
            HarvestSummary second = SimulatedHarvest.run(simulator, store, settings, HarvestProgress.NONE);
            int jobs = history.buildableJobs().size();
            out.printf(
                    Locale.ROOT,
                    "harvester, REST mode, second harvest (nothing new): %.2f s, %,d requests "
                            + "(jenkins %,d, bitbucket %,d) = %.1f per job%n  %s%n",
                    seconds(start),
                    simulator.requestCount(),
                    simulator.jenkins().requestCount(),
                    simulator.bitbucket().requestCount(),
                    simulator.requestCount() / (double) jobs,
                    second.line());
            out.flush();

            // mirror mode: a fresh store, ranges from git mirrors; REST requests go to Jenkins only
            GitSmartHttpServer git = simulator.serveGit(data.resolve("served-git"));
            simulator.resetCounts();
            long gitBefore = git.requestCount();
            start = System.nanoTime();
            HarvestSummary mirrored;
            try (BuildStore mirrorStore = BuildStore.open(
                    "jdbc:h2:file:" + data.resolve("mirror-store").toAbsolutePath())) {
                mirrored = SimulatedHarvest.runMirrored(
                        simulator, mirrorStore, settings, HarvestProgress.NONE, data.resolve("mirrors"));
            }
            mirrorSeconds = seconds(start);
            long mirrorRest = simulator.requestCount();
            int built = history.buildCount();
            out.printf(
                    Locale.ROOT,
                    "harvester, mirror mode (the default), first harvest: %.1f s, REST requests %,d (jenkins %,d, bitbucket %,d), "
                            + "git requests %,d, %.1f builds/s%n  %s%n",
                    mirrorSeconds,
                    mirrorRest,
                    simulator.jenkins().requestCount(),
                    simulator.bitbucket().requestCount(),
                    git.requestCount() - gitBefore,
                    mirrored.newBuilds() / mirrorSeconds,
                    mirrored.line());
            out.printf(
                    Locale.ROOT,
                    "requests per build: REST mode %.3f (bitbucket %.3f); mirror mode REST %.4f (bitbucket %.4f), "
                            + "git %.4f%n",
                    harvestRequests / (double) built,
                    harvestBitbucket / (double) built,
                    mirrorRest / (double) built,
                    simulator.bitbucket().requestCount() / (double) built,
                    (git.requestCount() - gitBefore) / (double) built);
            out.flush();

            simulator.resetCounts();
            NaiveCrawler crawler = new NaiveCrawler(
                    simulator.jenkinsUrl(),
                    options.jenkinsUser(),
                    options.jenkinsToken(),
                    simulator.bitbucketUrl(),
                    options.bitbucketToken());
            NaiveCrawler.Result naive =
                    crawler.crawl(baselineSeconds <= 0 ? Duration.ofDays(1) : Duration.ofSeconds(baselineSeconds));
            long planned = NaiveCrawler.plannedRequests(history);
            double naiveSeconds = naive.elapsed().toMillis() / 1000.0;
            double naiveTotal = naive.complete() ? naiveSeconds : naiveSeconds * planned / naive.requests();
            out.printf(
                    Locale.ROOT,
                    "naive crawler: %s%.1f s, %,d requests (%,d of %,d builds, %,d commits in %.1f s)%n",
                    naive.complete() ? "" : "estimated ",
                    naiveTotal,
                    planned,
                    naive.builds(),
                    history.buildCount(),
                    naive.commits(),
                    naiveSeconds);
            out.printf(
                    Locale.ROOT,
                    "speed-up: mirror mode (the default) %.1fx faster, %.0fx fewer REST requests; REST mode %.1fx "
                            + "faster, %.1fx fewer requests%n",
                    naiveTotal / mirrorSeconds,
                    planned / (double) Math.max(1, mirrorRest),
                    naiveTotal / harvestSeconds,
                    planned / (double) harvestRequests);
            out.printf(
                    Locale.ROOT,
                    "CPU time of this process %.1f s; load average %.2f%n",
                    cpuSeconds(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            out.flush();
        } finally {
            deleteTree(data);
        }
        return 0;
    }

    /** CPU time of this JVM (all threads), which a loaded machine distorts far less than wall time. */
    private static double cpuSeconds() {
        java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
