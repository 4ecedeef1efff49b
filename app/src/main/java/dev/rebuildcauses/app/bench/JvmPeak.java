package dev.rebuildcauses.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The peak resident set of a JVM a benchmark started, apart from the git processes that JVM runs:
 * {@code /usr/bin/time} reports the largest process of the tree, and {@code git log} over a million
 * commits holds about a gigabyte of its own.
 */
final class JvmPeak {
    private static final long POLL_MILLIS = 100;

    private JvmPeak() {}

    /**
     * Follows {@code started} (a JVM, or a {@code /usr/bin/time} running one) until it exits and returns
     * the peak resident set of its JVMs in KB: each JVM's last {@code VmHWM} (a high-water mark, read every
     * {@value #POLL_MILLIS} ms), added up over the JVMs of the tree (an analysis command runs in a second JVM
     * while the first waits for it), or -1 where {@code /proc} cannot tell (not Linux).
     */
    static long follow(Process started) {
        Map<Long, Long> peaks = new HashMap<>();
        while (started.isAlive()) {
            Stream.concat(Stream.of(started.toHandle()), started.toHandle().descendants())
                    .filter(process -> process.info().command().orElse("").endsWith("java"))
                    .forEach(jvm -> peaks.merge(jvm.pid(), highWaterKb(jvm.pid()), Math::max));
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long known = peaks.values().stream()
                .filter(kb -> kb >= 0)
                .mapToLong(Long::longValue)
                .sum();
        return peaks.values().stream().anyMatch(kb -> kb >= 0) ? known : -1;
    }

    private static long highWaterKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(
                            line.substring("VmHWM:".length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended between two reads, or this is no Linux: the last reading stands
        }
        return -1;
    }
}
