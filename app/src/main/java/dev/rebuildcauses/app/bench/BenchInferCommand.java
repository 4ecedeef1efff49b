package dev.rebuildcauses.app.bench;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench-infer}: {@code git log --first-parent --name-status}, the rules-only scan and the
 * default scan of one synthetic image repository, side by side, each with its wall time, CPU time
 * and peak resident set (scans in child JVMs with default settings, measured by {@code /usr/bin/time}).
 * Not named {@code bench-scan}: a verb containing "scan" joins the suggestions for a mistyped {@code scan}.
 */
@Command(
        name = "bench-infer",
        mixinStandardHelpOptions = true,
        description = {
            "Generates an image repository with one known cause per commit (git fast-import), then times",
            "git log --first-parent --name-status, the rules-only scan (--no-infer --no-advice) and the",
            "default scan side by side, each in its own process, with their ratios and peak memory."
        })
public final class BenchInferCommand implements Runnable {
    private static final Path TIME = Path.of("/usr/bin/time");
    private static final String TIMING = "rebuild-causes.timing";
    private static final Pattern PHASE = Pattern.compile("\\[timing\\] (.+): \\+\\d+ ms, (\\d+) ms since JVM start");

    @Option(
            names = "--commits",
            defaultValue = "100000",
            description = "First-parent commits to generate (default: ${DEFAULT-VALUE}).")
    int commits;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generator (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--repo",
            paramLabel = "DIR",
            description = "Reuse (or generate once into) this repository instead of a temporary one.")
    Path repo;

    @Option(
            names = "--runs",
            defaultValue = "3",
            description = {
                "Rounds of the three commands, one after the other in each round; each row shows the",
                "round of median wall time, peak memory the highest of all rounds (default: ${DEFAULT-VALUE}).",
                "On a shared 2-core machine single runs move by 20-30%%; 1 is enough for a first look."
            })
    int runs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * One measured command.
     *
     * @param peakKb the peak resident set of the largest process of its tree ({@code /usr/bin/time}: for a
     *     scan, the JVM or one of the git processes it ran, whichever was larger)
     * @param javaPeakKb the JVM's own peak resident set ({@code VmHWM}), -1 when the command is no JVM
     */
    record Run(String name, double wallSeconds, double cpuSeconds, long peakKb, long javaPeakKb, int exitCode) {}

    @Override
    public void run() {
        if (runs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1, not " + runs);
        }
        if (commits < 2) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--commits must be at least 2, not " + commits);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path work = null;
        try {
            work = Files.createTempDirectory("bench-infer");
            Path repository = repo != null ? repo : work.resolve("image-repo");
            if (!Files.isDirectory(repository.resolve(".git"))) {
                long start = System.nanoTime();
                Map<String, Integer> causes = generate(repository, work);
                out.printf(
                        Locale.ROOT,
                        "generated %s in %.1f s: first-parent commits by known cause %s%n",
                        repository,
                        (System.nanoTime() - start) / 1e9,
                        causes);
            } else {
                out.printf("reusing %s%n", repository);
            }
            out.println("load average before: " + loadAverage());
            out.flush();
            List<String> scan = List.of("scan", repository.toString(), "--quiet");
            List<Run> gits = new ArrayList<>();
            List<Run> rulesRuns = new ArrayList<>();
            List<Run> defaultRuns = new ArrayList<>();
            List<Double> walks = new ArrayList<>();
            for (int round = 1; round <= runs; round++) {
                gits.add(measure(
                        "git log --first-parent --name-status",
                        List.of("git", "-C", repository.toString(), "log", "--first-parent", "--name-status"),
                        work));
                // the rules-only scan prints its phase times: the walk alone is the time between two of them
                List<String> rulesOnly = new ArrayList<>(List.of(java(), "-D" + TIMING + "=true", "-jar", jar()));
                rulesOnly.addAll(scan);
                rulesOnly.addAll(List.of("--out", work.resolve("rules").toString(), "--no-infer", "--no-advice"));
                Path phases = work.resolve("phases.txt");
                rulesRuns.add(measure("scan --no-infer --no-advice (rules only)", rulesOnly, work, phases));
                walks.add(walkSeconds(Files.readAllLines(phases)));
                List<String> inferring = new ArrayList<>(List.of(java(), "-jar", jar()));
                inferring.addAll(scan);
                inferring.addAll(List.of("--out", work.resolve("default").toString()));
                defaultRuns.add(measure("scan (default: inference and advice)", inferring, work));
            }
            Run git = median(gits);
            Run rules = median(rulesRuns);
            Run defaults = median(defaultRuns);
            double walkSeconds = median(walks);
            out.println("load average after: " + loadAverage());
            out.printf(
                    Locale.ROOT,
                    "%-44s %9s %9s %11s %11s %10s %10s%n",
                    "",
                    "wall",
                    "cpu",
                    "peak RSS",
                    "JVM's own",
                    "x git",
                    "x rules");
            if (!Double.isNaN(walkSeconds)) {
                out.printf(
                        Locale.ROOT,
                        "%-44s %8.2fs %9s %11s %11s %9.2fx %9.2fx%n",
                        "history walk alone (in the rules-only scan)",
                        walkSeconds,
                        "",
                        "",
                        "",
                        walkSeconds / git.wallSeconds(),
                        walkSeconds / rules.wallSeconds());
            }
            for (Run run : List.of(git, rules, defaults)) {
                out.printf(
                        Locale.ROOT,
                        "%-44s %8.2fs %8.2fs %8d MB %11s %9.2fx %9.2fx%s%n",
                        run.name(),
                        run.wallSeconds(),
                        run.cpuSeconds(),
                        run.peakKb() / 1024,
                        run.javaPeakKb() < 0 ? "" : run.javaPeakKb() / 1024 + " MB",
                        run.wallSeconds() / git.wallSeconds(),
                        run.wallSeconds() / rules.wallSeconds(),
                        run.exitCode() == 0 ? "" : "  (exit code " + run.exitCode() + ")");
            }
            if (runs > 1) {
                out.println("each round, default scan ÷ git log: " + ratios(defaultRuns, gits, 2.0));
                out.println("each round, default scan ÷ rules-only scan: " + ratios(defaultRuns, rulesRuns, 1.3));
            }
            out.printf(
                    Locale.ROOT,
                    "goals%s: default scan within 2x git log: %s; within 1.3x the rules-only scan: %s; peak RSS under 1 GB: %s"
                            + " (the JVM's own: %s); walk within 1.2x git log: %s%n",
                    runs > 1 ? " (medians of " + runs + " rounds)" : "",
                    defaults.wallSeconds() <= 2 * git.wallSeconds() ? "met" : "not met",
                    defaults.wallSeconds() <= 1.3 * rules.wallSeconds() ? "met" : "not met",
                    Math.max(rules.peakKb(), defaults.peakKb()) < 1024 * 1024 ? "met" : "not met",
                    Math.max(rules.javaPeakKb(), defaults.javaPeakKb()) < 1024 * 1024 ? "met" : "not met",
                    Double.isNaN(walkSeconds)
                            ? "not measured"
                            : walkSeconds <= 1.2 * git.wallSeconds() ? "met" : "not met");
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("bench-infer failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bench-infer interrupted", e);
        } finally {
            delete(work);
        }
    }

    /**
     * The round of median wall time (the lower of the two middle ones for an even count), with the highest
     * peak memory of all rounds: a goal on memory must hold in every round.
     */
    static Run median(List<Run> rounds) {
        List<Run> byWall = rounds.stream()
                .sorted(Comparator.comparingDouble(Run::wallSeconds))
                .toList();
        Run middle = byWall.get((byWall.size() - 1) / 2);
        long peak = rounds.stream().mapToLong(Run::peakKb).max().orElse(-1);
        long javaPeak = rounds.stream().mapToLong(Run::javaPeakKb).max().orElse(-1);
        int exit = rounds.stream()
                .mapToInt(Run::exitCode)
                .filter(code -> code != 0)
                .findFirst()
                .orElse(0);
        return new Run(middle.name(), middle.wallSeconds(), middle.cpuSeconds(), peak, javaPeak, exit);
    }

    /** The median of the numbers that are not NaN, NaN when none is. */
    static double median(Collection<Double> values) {
        double[] known = values.stream()
                .filter(value -> !value.isNaN())
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        return known.length == 0 ? Double.NaN : known[(known.length - 1) / 2];
    }

    /** Each round's ratio of {@code over} to {@code under}, and in how many rounds it stayed within {@code goal}. */
    static String ratios(List<Run> over, List<Run> under, double goal) {
        List<String> each = new ArrayList<>();
        int met = 0;
        for (int i = 0; i < over.size(); i++) {
            double ratio = over.get(i).wallSeconds() / under.get(i).wallSeconds();
            each.add(String.format(Locale.ROOT, "%.2fx", ratio));
            met += ratio <= goal ? 1 : 0;
        }
        return String.join(", ", each)
                + String.format(Locale.ROOT, " (within %sx in %d of %d)", goal, met, over.size());
    }

    private Map<String, Integer> generate(Path repository, Path work) throws IOException, InterruptedException {
        Files.createDirectories(repository);
        run(List.of("git", "init", "-q", "-b", "main", repository.toString()), work);
        Process importer = new ProcessBuilder("git", "-C", repository.toString(), "fast-import", "--quiet")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Map<String, Integer> causes;
        try (OutputStream stream = importer.getOutputStream()) {
            causes = new SyntheticImageRepository(stream, seed).write(commits);
        }
        if (importer.waitFor() != 0) {
            throw new IOException("git fast-import failed with exit code " + importer.exitValue());
        }
        run(List.of("git", "-C", repository.toString(), "checkout", "-q", "main"), work);
        return causes;
    }

    /** Runs {@code command} under {@code /usr/bin/time} (when there is one), output discarded. */
    private static Run measure(String name, List<String> command, Path work) throws IOException, InterruptedException {
        return measure(name, command, work, null);
    }

    /**
     * The seconds between the scan's {@code repository opened} and {@code history walked} phase marks
     * (the walk starts right after the first), or NaN when the scan printed neither.
     */
    static double walkSeconds(List<String> phaseLines) {
        long opened = -1;
        long walked = -1;
        for (String line : phaseLines) {
            Matcher mark = PHASE.matcher(line);
            if (mark.matches() && mark.group(1).equals("repository opened")) {
                opened = Long.parseLong(mark.group(2));
            } else if (mark.matches() && mark.group(1).equals("history walked")) {
                walked = Long.parseLong(mark.group(2));
            }
        }
        return opened < 0 || walked < opened ? Double.NaN : (walked - opened) / 1000.0;
    }

    /** As {@link #measure(String, List, Path)}, with stderr kept in {@code stderr} when not null. */
    private static Run measure(String name, List<String> command, Path work, Path stderr)
            throws IOException, InterruptedException {
        Path report = work.resolve("time-" + System.nanoTime() + ".txt");
        List<String> timed = new ArrayList<>();
        boolean withTime = Files.isExecutable(TIME);
        if (withTime) {
            timed.addAll(List.of(TIME.toString(), "-f", "%e %U %S %M", "-o", report.toString()));
        }
        timed.addAll(command);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(timed)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(
                        stderr == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stderr.toFile()))
                .start();
        long javaPeakKb = command.get(0).equals(java()) ? JvmPeak.follow(process) : -1;
        int exit = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        if (!withTime) {
            return new Run(name, wall, Double.NaN, -1, javaPeakKb, exit);
        }
        List<String> lines = Files.readAllLines(report);
        String[] fields = lines.get(lines.size() - 1).trim().split(" ");
        return new Run(
                name,
                Double.parseDouble(fields[0]),
                Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]),
                Long.parseLong(fields[3]),
                javaPeakKb,
                exit);
    }

    private static void run(List<String> command, Path work) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The jar this command runs from: the scans run the same build. */
    private static String jar() throws IOException {
        try {
            Path location = Path.of(BenchInferCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (!location.toString().endsWith(".jar")) {
                throw new IOException("bench-infer runs scans from the jar: java -jar rebuild-causes.jar bench-infer");
            }
            return location.toString();
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the jar", e);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void delete(Path work) {
        if (work == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temporary folder left behind is no failure of the benchmark
        }
    }
}
