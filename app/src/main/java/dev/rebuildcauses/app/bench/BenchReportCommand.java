package dev.rebuildcauses.app.bench;

import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.synthetic.SyntheticHistory;
import dev.rebuildcauses.report.html.ChartSet;
import dev.rebuildcauses.report.html.HtmlReportWriter;
import dev.rebuildcauses.report.html.ReportScope;
import dev.rebuildcauses.report.pipeline.DockerfileSource;
import dev.rebuildcauses.report.pipeline.Report;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import dev.rebuildcauses.report.pipeline.SourceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-report}: times the whole report of a synthetic history, HTML included, and its size; with
 * {@code --store}, the {@code report} command itself over a synthetic store, in a child JVM with default
 * settings, and that JVM's peak memory.
 */
@Command(
        name = "bench-report",
        mixinStandardHelpOptions = true,
        description = "Generates a synthetic build history, then times the report pipeline end to end (classify, "
                + "mine, advise, CSV files, rebuild-causes.html with its charts) and prints the sizes it wrote. "
                + "With --store, writes the history into a store and times 'report' over it in a child JVM.")
public final class BenchReportCommand implements Runnable {
    @Option(
            names = "--builds",
            defaultValue = "1000000",
            description = "Builds to generate (default: ${DEFAULT-VALUE}).")
    int builds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Keep the report in DIR (default: a temporary folder, removed).")
    Path outDir;

    @Option(
            names = "--store",
            paramLabel = "DIR",
            description = "Write the synthetic history into an H2 store in DIR (reused when DIR holds one), then run "
                    + "'report --config DIR/rebuild-causes.yml' in a child JVM with default settings and print its "
                    + "wall time, CPU time and peak resident set.")
    Path storeDir;

    @Option(
            names = "--jar",
            paramLabel = "JAR",
            description = "With --store: the jar whose 'report' runs (default: this one), to compare releases.")
    Path jar;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (builds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--builds must be at least 1, not " + builds);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (storeDir != null) {
            try {
                new StoreReportBench(storeDir, builds, seed, jar == null ? ChildJvm.ownJar() : jar, outDir).run(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        try {
            Path dir = outDir == null ? Files.createTempDirectory("rebuild-causes-bench-report") : outDir;
            Files.createDirectories(dir);
            try {
                measure(out, dir);
            } finally {
                if (outDir == null) {
                    delete(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void measure(PrintWriter out, Path dir) throws IOException {
        long generateStart = System.nanoTime();
        List<BuildChanges> history = SyntheticHistory.generate(builds, seed);
        double generateSeconds = seconds(generateStart);
        System.gc();
        long[] htmlNanos = new long[2];
        HtmlReportWriter html =
                new HtmlReportWriter(ReportScope.of("bench-report", builds + " synthetic builds"), ChartSet::render);
        ReportPipeline pipeline = ReportPipeline.of(RuleSet.defaults())
                .advising(DockerfileSource.NONE, AdvisorSettings.defaults())
                .writing((report, folder) -> {
                    long start = System.nanoTime();
                    long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    html.write(report, folder);
                    htmlNanos[0] = System.nanoTime() - start;
                    htmlNanos[1] = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu;
                });
        long start = System.nanoTime();
        Report report;
        try {
            report = pipeline.run(history, dir);
        } catch (SourceException e) {
            throw new IllegalStateException("no source is read here", e);
        }
        double total = seconds(start);
        long htmlBytes = Files.size(dir.resolve(HtmlReportWriter.FILE_NAME));
        out.printf(Locale.ROOT, "builds              %d%n", history.size());
        out.printf(Locale.ROOT, "generate seconds    %.3f (not part of the report)%n", generateSeconds);
        out.printf(Locale.ROOT, "report seconds      %.3f (classify, mine, advise, CSV, HTML)%n", total);
        out.printf(
                Locale.ROOT,
                "  of which HTML     %.3f (chart data, charts, page; CPU of its thread %.3f s)%n",
                htmlNanos[0] / 1e9,
                htmlNanos[1] / 1e9);
        out.printf(Locale.ROOT, "rebuild-causes.html %.2f MB (%d bytes)%n", htmlBytes / 1e6, htmlBytes);
        out.printf(Locale.ROOT, "builds.csv          %.2f MB%n", Files.size(dir.resolve("builds.csv")) / 1e6);
        out.printf(
                Locale.ROOT,
                "advice              %d pieces for %d jobs%n",
                report.advice().size(),
                report.findings().jobs().size());
        out.printf(
                Locale.ROOT,
                "max heap            %d MB; load average %.1f on %d processors%n",
                Runtime.getRuntime().maxMemory() / (1024 * 1024),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        out.flush();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
