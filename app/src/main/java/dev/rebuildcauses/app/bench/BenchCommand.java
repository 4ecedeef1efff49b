package dev.rebuildcauses.app.bench;

import dev.rebuildcauses.analysis.classify.BuildClassifier;
import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.mine.FindingsMiner;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.synthetic.SyntheticHistory;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench-classify}: times classification and mining of a synthetic build history. */
@Command(
        name = "bench-classify",
        mixinStandardHelpOptions = true,
        description = "Generates a synthetic build history, then times classify and mine separately.")
public final class BenchCommand implements Runnable {
    @Option(
            names = "--builds",
            defaultValue = "1000000",
            description = "Builds to generate (default: ${DEFAULT-VALUE}).")
    int builds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--parallel", description = "Classify on every core (a parallel stream) instead of one thread.")
    boolean parallel;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the benchmark alone: {@code java -Xmx2g -cp rebuild-causes.jar dev.rebuildcauses.app.bench.BenchCommand}. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public void run() {
        if (builds < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--builds must be at least 1, not " + builds);
        }
        PrintWriter out = spec.commandLine().getOut();
        long generateStart = System.nanoTime();
        List<BuildChanges> history = SyntheticHistory.generate(builds, seed);
        double generateSeconds = seconds(generateStart);
        long files = history.stream().mapToLong(b -> b.range().files().size()).sum();
        long commits =
                history.stream().mapToLong(b -> b.range().commits().size()).sum();

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc(); // settle the generator's garbage so it is not billed to classify

        long classifyStart = System.nanoTime();
        long classifyCpu = processCpuNanos();
        long classifyThread = threadCpuNanos();
        BuildClassifier classifier = new BuildClassifier(RuleSet.defaults());
        List<ClassifiedBuild> classified = parallel
                ? history.parallelStream().map(classifier::classify).toList()
                : history.stream().map(classifier::classify).toList();
        double classifySeconds = seconds(classifyStart);
        double classifyCpuSeconds = (processCpuNanos() - classifyCpu) / 1e9;
        double classifyThreadSeconds = (threadCpuNanos() - classifyThread) / 1e9;

        long mineStart = System.nanoTime();
        long mineCpu = processCpuNanos();
        long mineThread = threadCpuNanos();
        Findings findings = FindingsMiner.mine(classified);
        double mineSeconds = seconds(mineStart);
        double mineCpuSeconds = (processCpuNanos() - mineCpu) / 1e9;
        double mineThreadSeconds = (threadCpuNanos() - mineThread) / 1e9;

        memory.gc();
        long usedHeap = memory.getHeapMemoryUsage().getUsed();
        double total = classifySeconds + mineSeconds;
        out.printf(Locale.ROOT, "builds            %d%n", history.size());
        out.printf(Locale.ROOT, "commits           %d (%.2f per build)%n", commits, commits / (double) history.size());
        out.printf(Locale.ROOT, "files             %d (%.2f per build)%n", files, files / (double) history.size());
        out.printf(Locale.ROOT, "generate seconds  %.3f%n", generateSeconds);
        out.printf(
                Locale.ROOT,
                "classify seconds  %.3f (CPU: main thread %.3f s, process %.3f s, %s)%n",
                classifySeconds,
                classifyThreadSeconds,
                classifyCpuSeconds,
                parallel ? "parallel" : "one thread");
        out.printf(
                Locale.ROOT,
                "mine seconds      %.3f (CPU: main thread %.3f s, process %.3f s)%n",
                mineSeconds,
                mineThreadSeconds,
                mineCpuSeconds);
        out.printf(Locale.ROOT, "total seconds     %.3f (classify + mine)%n", total);
        out.printf(Locale.ROOT, "paths/s           %.0f%n", files / classifySeconds);
        out.printf(Locale.ROOT, "used heap after GC %d MB%n", usedHeap / (1024 * 1024));
        out.printf(
                Locale.ROOT,
                "load average      %.1f on %d processors%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        out.printf(
                Locale.ROOT,
                "causes            %d, combinations %d, jobs %d%n",
                findings.causes().size(),
                findings.combinations().size(),
                findings.jobs().size());
        out.flush();
        // keep the data reachable until the heap was measured
        if (classified.size() != history.size()) {
            throw new IllegalStateException("lost builds");
        }
    }

    /** CPU time of this thread; process CPU also counts the JIT compiler and the garbage collector. */
    private static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** CPU time of the whole process (all threads, GC included), -1 where the JVM does not tell. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
