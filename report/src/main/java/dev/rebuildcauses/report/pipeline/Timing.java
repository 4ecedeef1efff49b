package dev.rebuildcauses.report.pipeline;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * Phase times on stderr when the JVM runs with {@code -Drebuild-causes.timing=true}: each mark prints
 * the milliseconds since the JVM started and since the previous mark. Costs one boolean test otherwise.
 */
public final class Timing {
    private static final boolean ON = Boolean.getBoolean("rebuild-causes.timing");
    /**
     * When the JVM started, to the millisecond. (The process's start instant is derived on Linux from a
     * boot time in whole seconds, so it was off by up to a second: "440 ms since JVM start" at {@code
     * main}, which the class-load log put at 105 ms.)
     */
    private static final long STARTED_MILLIS =
            ON ? ManagementFactory.getRuntimeMXBean().getStartTime() : 0L;

    private static long previous = -1;

    private Timing() {}

    /** Whether the JVM runs with {@code -Drebuild-causes.timing=true}. */
    public static boolean isOn() {
        return ON;
    }

    /** Prints {@code phase} with its times when timing is on. */
    public static synchronized void mark(String phase) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        long sinceStart = System.currentTimeMillis() - STARTED_MILLIS;
        PrintStream err = System.err;
        err.println("[timing] " + phase + ": +" + (previous < 0 ? 0 : (now - previous) / 1_000_000) + " ms, "
                + sinceStart + " ms since JVM start");
        previous = now;
    }
}
