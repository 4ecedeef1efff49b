package dev.rebuildcauses.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a command of a jar in a child JVM with default settings (no heap option: the JVM sizes its heap
 * from the machine, as a user's would) and measures it: wall and CPU time from {@code /usr/bin/time}
 * when there is one, and the JVM's own peak resident set ({@link JvmPeak}).
 */
final class ChildJvm {
    private static final Path TIME = Path.of("/usr/bin/time");

    private ChildJvm() {}

    /**
     * What one run took.
     *
     * @param cpuSeconds user and system CPU seconds, NaN without {@code /usr/bin/time}
     * @param peakKb the JVM's peak resident set ({@code VmHWM}) in KB, -1 where {@code /proc} cannot tell
     */
    record Run(double wallSeconds, double cpuSeconds, long peakKb, int exitCode) {}

    /** Runs {@code java -jar jar arguments…}, its output discarded and its errors written to {@code stderr}. */
    static Run run(Path jar, List<String> arguments, Path stderr) throws IOException, InterruptedException {
        Path times = Files.createTempFile("rebuild-causes-bench-", ".time");
        try {
            List<String> command = new ArrayList<>();
            boolean withTime = Files.isExecutable(TIME);
            if (withTime) {
                command.addAll(List.of(TIME.toString(), "-f", "%e %U %S", "-o", times.toString()));
            }
            command.addAll(List.of(java(), "-jar", jar.toString()));
            command.addAll(arguments);
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.to(stderr.toFile()))
                    .start();
            long peakKb = JvmPeak.follow(process);
            int exit = process.waitFor();
            double wall = (System.nanoTime() - start) / 1e9;
            if (!withTime) {
                return new Run(wall, Double.NaN, peakKb, exit);
            }
            List<String> lines = Files.readAllLines(times);
            String[] fields = lines.get(lines.size() - 1).trim().split(" ");
            return new Run(
                    Double.parseDouble(fields[0]),
                    Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]),
                    peakKb,
                    exit);
        } finally {
            Files.deleteIfExists(times);
        }
    }

    /** The jar this program runs from. */
    static Path ownJar() throws IOException {
        try {
            Path location = Path.of(ChildJvm.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (!location.toString().endsWith(".jar")) {
                throw new IOException("run from the jar (java -jar rebuild-causes.jar …) or name one with --jar");
            }
            return location;
        } catch (java.net.URISyntaxException e) {
            throw new IOException("cannot locate the jar", e);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
