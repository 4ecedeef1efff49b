package dev.rebuildcauses.report.pipeline;

import java.io.PrintStream;

/**
 * Phase times on stderr when the JVM runs with {@code -Drebuild-causes.timing=true}: each mark prints
 * the milliseconds since the JVM started and since the previous mark. Costs one boolean test otherwise.
 */
public final class Timing {
    private static final boolean ON = Boolean.getBoolean("rebuild-causes.timing");
    private static long previous = -1;

    private Timing() {}

    /** Prints {@code phase} with its times when timing is on. */
    public static synchronized void mark(String phase) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        long sinceStart = System.currentTimeMillis()
                - ProcessHandle.current()
                        .info()
                        .startInstant()
                        .map(i -> i.toEpochMilli())
                        .orElse(0L);
        PrintStream err = System.err;
        err.println("[timing] " + phase + ": +" + (previous < 0 ? 0 : (now - previous) / 1_000_000) + " ms, "
                + sinceStart + " ms since JVM start");
        previous = now;
    }
}
