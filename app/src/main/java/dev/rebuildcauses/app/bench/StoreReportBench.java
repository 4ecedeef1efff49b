package dev.rebuildcauses.app.bench;

import dev.rebuildcauses.harvest.changes.HarvestException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code bench-report --store}: a synthetic store of N builds made (or reused) in a folder, then the real
 * {@code report} over it in a child JVM with default settings, measured from outside.
 */
final class StoreReportBench {
    private final Path folder;
    private final int builds;
    private final long seed;
    private final Path jar;
    private final Path outDir;

    StoreReportBench(Path folder, int builds, long seed, Path jar, Path outDir) {
        this.folder = folder;
        this.builds = builds;
        this.seed = seed;
        this.jar = jar;
        this.outDir = outDir;
    }

    void run(PrintWriter out) throws IOException {
        Path config = folder.resolve("rebuild-causes.yml");
        if (Files.exists(config)) {
            out.printf(Locale.ROOT, "store             reused %s (--builds ignored)%n", folder);
        } else {
            out.printf(Locale.ROOT, "store             writing %d builds, load average %s%n", builds, loadAverage());
            out.flush();
            long start = System.nanoTime();
            try {
                SyntheticStore.create(folder, builds, seed, written -> {});
            } catch (HarvestException e) {
                throw new IOException("cannot write the synthetic store: " + e.getMessage(), e);
            }
            out.printf(
                    Locale.ROOT,
                    "store written     %d builds in %.1f s, load average %s%n",
                    builds,
                    (System.nanoTime() - start) / 1e9,
                    loadAverage());
        }
        out.printf(Locale.ROOT, "store on disk     %.1f MB%n", bytes(folder) / 1e6);
        Path report = outDir == null ? Files.createTempDirectory("rebuild-causes-bench-report") : outDir;
        Path stderr = Files.createTempFile("rebuild-causes-bench-report-", ".err");
        try {
            List<String> arguments =
                    new ArrayList<>(List.of("report", "--config", config.toString(), "--out", report.toString()));
            out.printf(Locale.ROOT, "report            %s %s%n", jar, String.join(" ", arguments));
            out.printf(Locale.ROOT, "load average      %s before%n", loadAverage());
            out.flush();
            ChildJvm.Run run;
            try {
                run = ChildJvm.run(jar, arguments, stderr);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the report ran", e);
            }
            out.printf(
                    Locale.ROOT,
                    "report took       %.1f s wall, %.1f s CPU; JVM peak resident %d MB; exit code %d%n",
                    run.wallSeconds(),
                    run.cpuSeconds(),
                    run.peakKb() / 1024,
                    run.exitCode());
            out.printf(Locale.ROOT, "load average      %s after%n", loadAverage());
            if (run.exitCode() != 0) {
                out.println("report failed:");
                Files.readAllLines(stderr).stream().limit(20).forEach(line -> out.println("  " + line));
            }
            out.flush();
        } finally {
            Files.deleteIfExists(stderr);
            if (outDir == null) {
                delete(report);
            }
        }
    }

    private static String loadAverage() {
        return ChildJvm.loadAverage();
    }

    private static long bytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> {
                        try {
                            return Files.size(file);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        }
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
