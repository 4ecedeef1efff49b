package dev.rebuildcauses.app.bench;

import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.model.BuildSummary;
import dev.rebuildcauses.app.serve.ServeConfig;
import dev.rebuildcauses.app.serve.ServeRunner;
import dev.rebuildcauses.report.pages.Links;
import dev.rebuildcauses.report.pages.ReportIndex;
import dev.rebuildcauses.service.StoreSnapshot;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-serve}: latency of the dashboard's pages under concurrent clients, over a synthetic store
 * written straight into the store (not harvested), and the server's memory.
 */
@Command(
        name = "bench-serve",
        mixinStandardHelpOptions = true,
        description = "Fills a store with a synthetic history, serves it, and times the overview, jobs, job and build "
                + "pages with concurrent clients on loopback (p50 and p99), then prints the server's memory.")
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

    /** The pages timed. */
    enum Page {
        OVERVIEW,
        JOBS,
        JOB,
        BUILD
    }

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
            URI base = running.server().url();
            List<String> jobNames = List.copyOf(snapshot.index().jobs().keySet());
            load(base, snapshot.index(), jobNames, warmupSeconds, null);
            long[][] latencies = new long[Page.values().length][];
            double throughput = load(base, snapshot.index(), jobNames, seconds, latencies);
            out.printf(
                    Locale.ROOT,
                    "clients           %d on loopback for %d s (after %d s warm-up)%n",
                    clients,
                    seconds,
                    warmupSeconds);
            for (Page page : Page.values()) {
                long[] times = latencies[page.ordinal()];
                Arrays.sort(times);
                out.printf(
                        Locale.ROOT,
                        "%-17s n=%-7d p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms%n",
                        page.name().toLowerCase(Locale.ROOT),
                        times.length,
                        percentile(times, 0.50) / 1e6,
                        percentile(times, 0.99) / 1e6,
                        times.length == 0 ? 0 : times[times.length - 1] / 1e6);
            }
            out.printf(Locale.ROOT, "throughput        %.0f requests/s%n", throughput);
            memoryLine(out, "memory after load test");
            out.printf(
                    Locale.ROOT,
                    "load average      %.1f on %d processors%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            out.flush();
        }
        return 0;
    }

    /** Runs the clients for {@code duration} seconds; fills {@code latencies} per page when given; returns requests/s. */
    private double load(URI base, ReportIndex index, List<String> jobs, int duration, long[][] latencies)
            throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        Links links = new Links("/");
        long end = System.nanoTime() + duration * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<long[]>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long clientSeed = seed + c;
            results.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(clientSeed);
                List<long[]> samples = new ArrayList<>();
                while (System.nanoTime() < end) {
                    Page page = Page.values()[random.nextInt(Page.values().length)];
                    String path = path(page, links, index, jobs, random);
                    HttpRequest request =
                            HttpRequest.newBuilder(base.resolve(path)).GET().build();
                    long start = System.nanoTime();
                    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long took = System.nanoTime() - start;
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + " answered " + response.statusCode());
                    }
                    samples.add(new long[] {page.ordinal(), took});
                }
                return samples;
            }));
        }
        long count = 0;
        List<List<Long>> perPage = new ArrayList<>();
        for (int p = 0; p < Page.values().length; p++) {
            perPage.add(new ArrayList<>());
        }
        for (Future<List<long[]>> result : results) {
            for (long[] sample : result.get()) {
                perPage.get((int) sample[0]).add(sample[1]);
                count++;
            }
        }
        pool.shutdown();
        if (latencies != null) {
            for (int p = 0; p < latencies.length; p++) {
                latencies[p] =
                        perPage.get(p).stream().mapToLong(Long::longValue).toArray();
            }
        }
        return count / (double) duration;
    }

    /** A page to ask for: the job and build pages of random jobs and builds, so no single page stays hot. */
    private static String path(Page page, Links links, ReportIndex index, List<String> jobs, SplittableRandom random) {
        return switch (page) {
            case OVERVIEW -> links.overview();
            case JOBS -> links.jobs(dev.rebuildcauses.report.pages.JobsQuery.defaults());
            case JOB -> links.job(jobs.get(random.nextInt(jobs.size())));
            case BUILD -> {
                ReportIndex.JobEntry job = index.jobs().get(jobs.get(random.nextInt(jobs.size())));
                BuildSummary build =
                        job.builds().get(random.nextInt(job.builds().size()));
                yield links.build(build.build().job(), build.build().number());
            }
        };
    }

    private static void memoryLine(PrintWriter out, String label) {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        out.printf(
                Locale.ROOT,
                "%-17s heap used after GC %d MB, resident %s%n",
                label,
                heap / (1024 * 1024),
                residentSetSize());
    }

    /** The process's resident memory from /proc (Linux), or "unknown". */
    private static String residentSetSize() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return (kb / 1024) + " MB";
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
