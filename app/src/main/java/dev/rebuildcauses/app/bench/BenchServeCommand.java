package dev.rebuildcauses.app.bench;

import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.app.serve.ServeConfig;
import dev.rebuildcauses.app.serve.ServeRunner;
import dev.rebuildcauses.report.pages.ReportIndex;
import dev.rebuildcauses.service.StoreSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-serve}: latency of the dashboard's pages under concurrent clients, over a synthetic store
 * written straight into the store (not harvested), and the server's memory. The clients run in a child
 * JVM ({@link BenchClients}), so the figures of this JVM are the server's alone.
 */
@Command(
        name = "bench-serve",
        mixinStandardHelpOptions = true,
        description = "Fills a store with a synthetic history, serves it, and times the overview, jobs, job and build "
                + "pages with concurrent clients (in a separate JVM) on loopback (p50 and p99), then prints the "
                + "server's memory.")
public final class BenchServeCommand implements Callable<Integer> {
    @Option(
            names = "--builds",
            defaultValue = "1000000",
            description = "Builds in the store (default: ${DEFAULT-VALUE}).")
    int builds;

    @Option(
            names = "--store",
            paramLabel = "DIR",
            description = "Write the synthetic history into an H2 store in DIR (reused when it holds one) and serve "
                    + "that; without it the history goes straight into the server's snapshot, as if read from a store.")
    Path data;

    @Option(names = "--clients", defaultValue = "32", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--warmup-seconds",
            defaultValue = "10",
            description = "Unmeasured seconds first, for the JIT (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long loadStart = System.nanoTime();
        ServeRunner runner = new ServeRunner(new PrintWriter(PrintWriter.nullWriter()), err, Map.of());
        ServeConfig serve;
        ServeRunner.Running started;
        if (data != null) {
            Path config = data.resolve("rebuild-causes.yml");
            if (!Files.exists(config)) {
                long start = System.nanoTime();
                config = SyntheticStore.create(data, builds, seed, written -> {});
                out.printf(Locale.ROOT, "store written     %d builds in %.1f s%n", builds, seconds(start));
            }
            loadStart = System.nanoTime();
            serve = new ServeConfig(config, ServeConfig.LOOPBACK, 0, null, null, true);
            started = runner.start(serve);
        } else {
            serve = new ServeConfig(null, ServeConfig.LOOPBACK, 0, null, null, true);
            Path ranges = Files.createTempFile("rebuild-causes-bench-", ".ranges");
            ranges.toFile().deleteOnExit();
            started = runner.start(serve, new SyntheticSource(builds, seed, ranges), RuleSet.defaults(), null);
        }
        try (ServeRunner.Running running = started) {
            double loadSeconds = seconds(loadStart);
            StoreSnapshot snapshot = running.snapshots().current().orElseThrow();
            memoryLine(out, "memory after load");
            out.printf(
                    Locale.ROOT,
                    "snapshot          %d builds of %d jobs, read and analysed in %.1f s (server up after %.1f s)%n",
                    snapshot.index().buildCount(),
                    snapshot.index().jobs().size(),
                    snapshot.took().toMillis() / 1000.0,
                    loadSeconds);
            out.printf(Locale.ROOT, "load average      %s before the clients%n", loadAverage());
            out.flush();
            ResidentSampler sampler = ResidentSampler.start();
            int code = runClients(running.server().url(), targets(snapshot.index()), out, err);
            sampler.stop();
            if (code != 0) {
                err.println("bench-serve: the clients' process exited with " + code);
                return 1;
            }
            out.printf(
                    Locale.ROOT,
                    "clients           %d on loopback for %d s (after %d s warm-up), in a separate JVM on the same %d "
                            + "cores%n",
                    clients,
                    seconds,
                    warmupSeconds,
                    Runtime.getRuntime().availableProcessors());
            out.printf(
                    Locale.ROOT,
                    "resident while serving: at most %d MB (sampled every 100 ms during warm-up and test)%n",
                    sampler.maxMegabytes());
            memoryLine(out, "memory after load test");
            out.printf(Locale.ROOT, "load average      %s after the clients%n", loadAverage());
            out.flush();
        }
        return 0;
    }

    /** Every job's build numbers, for the clients to ask for random builds. */
    private static Map<String, long[]> targets(ReportIndex index) {
        Map<String, long[]> builds = new LinkedHashMap<>();
        index.jobs()
                .forEach((job, entry) -> builds.put(
                        job,
                        entry.builds().stream()
                                .mapToLong(b -> b.build().number())
                                .toArray()));
        return builds;
    }

    /**
     * Runs {@link BenchClients} in a child JVM (the same {@code java} and class path as this one), so the
     * server's memory and CPU figures are its own; relays the child's result lines.
     */
    private int runClients(URI base, Map<String, long[]> builds, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        Path targets = Files.createTempFile("rebuild-causes-bench-", ".targets");
        try {
            BenchClients.writeTargets(targets, builds);
            String java = ProcessHandle.current()
                    .info()
                    .command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString());
            List<String> command = List.of(
                    java,
                    "-Xmx1g",
                    "-cp",
                    System.getProperty("java.class.path"),
                    BenchClients.class.getName(),
                    base.toString(),
                    targets.toString(),
                    Integer.toString(clients),
                    Integer.toString(warmupSeconds),
                    Integer.toString(seconds),
                    Long.toString(seed));
            Process child = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    out.println(line);
                }
            }
            out.flush();
            return child.waitFor();
        } finally {
            Files.deleteIfExists(targets);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static void memoryLine(PrintWriter out, String label) throws InterruptedException {
        System.gc();
        Thread.sleep(2_000); // G1 returns the freed regions to the system concurrently, after the collection
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long committed =
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
        out.printf(
                Locale.ROOT,
                "%-17s heap used after GC %d MB (committed %d MB), resident %s, peak resident %s%n",
                label,
                heap / (1024 * 1024),
                committed / (1024 * 1024),
                status("VmRSS:"),
                status("VmHWM:"));
    }

    /** The largest resident set of this process seen while it runs, sampled from /proc/self/status. */
    private static final class ResidentSampler {
        private final Thread thread;
        private volatile boolean stopped;
        private volatile long maxKb;

        private ResidentSampler() {
            thread = new Thread(this::sample, "bench-serve-rss");
            thread.setDaemon(true);
        }

        static ResidentSampler start() {
            ResidentSampler sampler = new ResidentSampler();
            sampler.thread.start();
            return sampler;
        }

        private void sample() {
            while (!stopped) {
                maxKb = Math.max(maxKb, kilobytes("VmRSS:"));
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            stopped = true;
            thread.join();
        }

        long maxMegabytes() {
            return maxKb / 1024;
        }
    }

    private static long kilobytes(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** A memory figure of this process from /proc/self/status (Linux), in MB, or "unknown". */
    private static String status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field)) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kb / 1024) + " MB";
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
