package dev.rebuildcauses.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The peak resident set of a JVM a benchmark started, apart from the git processes that JVM runs:
 * {@code /usr/bin/time} reports the largest process of the tree, and {@code git log} over a million
 * commits holds about a gigabyte of its own.
 */
final class JvmPeak {
    private static final long POLL_MILLIS = 100;

    private JvmPeak() {}

    /**
     * Follows {@code started} (the JVM, or a {@code /usr/bin/time} running it) until it exits and returns
     * the JVM's last {@code VmHWM} (a high-water mark, read every {@value #POLL_MILLIS} ms) in KB, or -1
     * where {@code /proc} cannot tell (not Linux).
     */
    static long follow(Process started) {
        long peak = -1;
        while (started.isAlive()) {
            Optional<ProcessHandle> jvm =
                    started.toHandle().info().command().orElse("").endsWith("java")
                            ? Optional.of(started.toHandle())
                            : started.toHandle().children().findFirst();
            if (jvm.isPresent()) {
                peak = Math.max(peak, highWaterKb(jvm.get().pid()));
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return peak;
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
