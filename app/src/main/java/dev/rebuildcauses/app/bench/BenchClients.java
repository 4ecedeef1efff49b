package dev.rebuildcauses.app.bench;

import dev.rebuildcauses.report.pages.JobsQuery;
import dev.rebuildcauses.report.pages.Links;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The load generator of {@code bench-serve}, run in its own JVM so that its threads, allocations and
 * garbage are not counted in the server's figures (it still competes with the server for the same cores).
 * Started by {@link BenchServeCommand} with the server's address and a file of the jobs and their build
 * numbers; prints one line per page (n, p50, p99, max) and the requests per second. Each client is a thread
 * with one kept-alive connection ({@link LoopbackConnection}) asking for one page after the other.
 */
public final class BenchClients {
    /** The pages timed. */
    enum Page {
        OVERVIEW,
        JOBS,
        JOB,
        BUILD
    }

    private final URI base;
    private final Map<String, long[]> builds;
    private final List<String> jobs;
    private final int clients;
    private final long seed;

    BenchClients(URI base, Map<String, long[]> builds, int clients, long seed) {
        this.base = base;
        this.builds = builds;
        this.jobs = List.copyOf(builds.keySet());
        this.clients = clients;
        this.seed = seed;
    }

    /** {@code BASE TARGETS CLIENTS WARMUP_SECONDS SECONDS SEED}; the result goes to standard output. */
    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        Map<String, long[]> builds = readTargets(Path.of(args[1]));
        BenchClients bench = new BenchClients(base, builds, Integer.parseInt(args[2]), Long.parseLong(args[5]));
        bench.run(Integer.parseInt(args[3]), null);
        long[][] latencies = new long[Page.values().length][];
        int seconds = Integer.parseInt(args[4]);
        double throughput = bench.run(seconds, latencies);
        print(System.out, latencies, throughput);
        System.exit(0);
    }

    /** Writes every job's build numbers for the clients to pick from. */
    static void writeTargets(Path file, Map<String, long[]> builds) throws IOException {
        try (DataOutputStream out =
                new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(builds.size());
            for (Map.Entry<String, long[]> job : builds.entrySet()) {
                out.writeUTF(job.getKey());
                out.writeInt(job.getValue().length);
                for (long number : job.getValue()) {
                    out.writeLong(number);
                }
            }
        }
    }

    static Map<String, long[]> readTargets(Path file) throws IOException {
        Map<String, long[]> builds = new LinkedHashMap<>();
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            for (int jobs = in.readInt(); jobs > 0; jobs--) {
                String job = in.readUTF();
                long[] numbers = new long[in.readInt()];
                for (int i = 0; i < numbers.length; i++) {
                    numbers[i] = in.readLong();
                }
                builds.put(job, numbers);
            }
        }
        return builds;
    }

    static void print(PrintStream out, long[][] latencies, double throughput) {
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
        out.flush();
    }

    /** Runs the clients for {@code duration} seconds; fills {@code latencies} per page when given; returns requests/s. */
    double run(int duration, long[][] latencies) throws Exception {
        Links links = new Links("/");
        long end = System.nanoTime() + duration * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<long[]>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long clientSeed = seed + c;
            results.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(clientSeed);
                List<long[]> samples = new ArrayList<>();
                try (LoopbackConnection connection = new LoopbackConnection(base)) {
                    while (System.nanoTime() < end) {
                        Page page = Page.values()[random.nextInt(Page.values().length)];
                        String path = path(page, links, random);
                        long start = System.nanoTime();
                        int status = connection.get(path);
                        long took = System.nanoTime() - start;
                        if (status != 200) {
                            throw new IllegalStateException(path + " answered " + status);
                        }
                        samples.add(new long[] {page.ordinal(), took});
                    }
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
    private String path(Page page, Links links, SplittableRandom random) {
        return switch (page) {
            case OVERVIEW -> links.overview();
            case JOBS -> links.jobs(JobsQuery.defaults());
            case JOB -> links.job(jobs.get(random.nextInt(jobs.size())));
            case BUILD -> {
                String job = jobs.get(random.nextInt(jobs.size()));
                long[] numbers = builds.get(job);
                yield links.build(job, numbers[random.nextInt(numbers.length)]);
            }
        };
    }

    private static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
