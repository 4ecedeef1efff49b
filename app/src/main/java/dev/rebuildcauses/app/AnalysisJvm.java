package dev.rebuildcauses.app;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The JVM the analysis commands ({@code scan}, {@code report}, {@code export}) run in: started with
 * {@code java -jar} and no JVM options of its own, the command runs again in a second JVM with the serial
 * collector, and the first waits for it and exits with its code.
 *
 * <p>Why: on a machine of 2 cores and 24 GiB (a build agent) the JVM picks G1, and G1 grows the heap whenever its
 * pauses pass a small share of the time. A scan of a million commits allocates fast and holds 200-300 MB: G1
 * grew to 1.5-2.6 GB, more the busier the machine, while the serial collector keeps the heap near what is
 * live (under 500 MB) and was as fast or faster (see bench/README.md). The user's choice wins: any JVM
 * option other than {@code -D} on the command line, {@code JAVA_TOOL_OPTIONS}, or
 * {@code REBUILD_CAUSES_JVM=as-is} keeps the first JVM as it is.
 */
final class AnalysisJvm {
    /** Set on the second JVM, so it does not start a third. */
    static final String RELAUNCHED = "rebuild-causes.relaunched";

    static final String OPT_OUT = "REBUILD_CAUSES_JVM";
    static final String COLLECTOR = "-XX:+UseSerialGC";
    /**
     * For {@code report}: the serial collector grows the old generation after a full collection until 40% of
     * it is free. What report holds after reading the store (its columns) stays until the end and what it
     * allocates afterwards dies young, so 20% is room enough: at a million stored builds the heap peaked at
     * 700 instead of 860 MB, and the run was no slower (bench/README.md).
     */
    static final String REPORT_HEAP = "-XX:MinHeapFreeRatio=20";

    /**
     * For {@code scan}: the quick compiler only. Two git processes and the walk already take both cores of a
     * build agent, and the optimising compiler spent 8-12 s of compile time on a scan of 100,000 commits;
     * without it the scan took less CPU and less time at 100,000 and at 1,000,000 commits alike. {@code
     * report} spends its time in one thread reading the store, where the optimised code is worth its cost.
     */
    static final String SCAN_COMPILER = "-XX:TieredStopAtLevel=1";

    private static final Set<String> COMMANDS = Set.of("scan", "report", "export");

    /**
     * How this JVM was started.
     *
     * @param java the {@code java} executable
     * @param classPath {@code java.class.path}: the jar alone when started with {@code -jar}
     * @param javaCommand {@code sun.java.command}: the jar and the arguments when started with {@code -jar}
     * @param jvmArguments the options given to the JVM, e.g. {@code -Dkey=value}, {@code -Xmx1g}
     * @param toolOptions {@code JAVA_TOOL_OPTIONS}, {@code null} when not set
     * @param optOut {@code REBUILD_CAUSES_JVM}, {@code null} when not set
     * @param relaunched whether this is the second JVM already
     */
    record Launch(
            String java,
            String classPath,
            String javaCommand,
            List<String> jvmArguments,
            String toolOptions,
            String optOut,
            boolean relaunched) {
        static Launch current() {
            String java = ProcessHandle.current()
                    .info()
                    .command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString());
            return new Launch(
                    java,
                    System.getProperty("java.class.path", ""),
                    System.getProperty("sun.java.command", ""),
                    ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    System.getenv("JAVA_TOOL_OPTIONS"),
                    System.getenv(OPT_OUT),
                    Boolean.getBoolean(RELAUNCHED));
        }
    }

    private AnalysisJvm() {}

    /** Whether {@code args} name an analysis command in a first JVM: the cheap part of {@link #relaunchCommand}. */
    static boolean mayRelaunch(String[] args) {
        return !Boolean.getBoolean(RELAUNCHED) && COMMANDS.contains(firstWord(args));
    }

    /** The command that runs {@code args} in the second JVM, or empty when this JVM runs them itself. */
    static Optional<List<String>> relaunchCommand(String[] args, Launch launch) {
        String command = firstWord(args);
        boolean fromJar = launch.classPath().endsWith(".jar")
                && !launch.classPath().contains(File.pathSeparator)
                && launch.javaCommand().startsWith(launch.classPath());
        boolean onlyProperties = launch.jvmArguments().stream().allMatch(option -> option.startsWith("-D"));
        if (launch.relaunched()
                || !fromJar
                || !onlyProperties
                || launch.toolOptions() != null
                || "as-is".equals(launch.optOut())
                || !COMMANDS.contains(command)) {
            return Optional.empty();
        }
        List<String> relaunch = new ArrayList<>();
        relaunch.add(launch.java());
        relaunch.addAll(launch.jvmArguments());
        relaunch.add(COLLECTOR);
        if (command.equals("report")) {
            relaunch.add(REPORT_HEAP);
        }
        if (command.equals("scan")) {
            relaunch.add(SCAN_COMPILER);
        }
        relaunch.add("-D" + RELAUNCHED + "=true");
        relaunch.add("-jar");
        relaunch.add(launch.classPath());
        relaunch.addAll(List.of(args));
        return Optional.of(relaunch);
    }

    private static String firstWord(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return "";
    }

    /**
     * Runs {@code command} with this JVM's input, output and error, and returns its exit code; empty when
     * it cannot be started (this JVM then runs the command itself). Stopping this JVM stops it too.
     */
    static Optional<Integer> run(List<String> command) {
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            return Optional.empty();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), "stop-analysis-jvm"));
        while (true) {
            try {
                return Optional.of(child.waitFor());
            } catch (InterruptedException e) {
                // the command is still running: wait for it, as a shell would
            }
        }
    }

    private static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy(); // SIGTERM: its own shutdown hooks tidy up (temporary files, progress lines)
        try {
            child.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The garbage collectors of this JVM, e.g. {@code Copy, MarkSweepCompact} for the serial collector. */
    static String collectors() {
        return String.join(
                ", ",
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(java.lang.management.GarbageCollectorMXBean::getName)
                        .toList());
    }

    /** In the second JVM: when the first is gone (killed), stop too rather than run on unwatched. */
    static void exitWithFirst() {
        if (!Boolean.getBoolean(RELAUNCHED)) {
            return;
        }
        ProcessHandle.current().parent().ifPresent(first -> first.onExit()
                .thenRun(() -> System.exit(ExitCode.INTERNAL.code())));
    }
}
