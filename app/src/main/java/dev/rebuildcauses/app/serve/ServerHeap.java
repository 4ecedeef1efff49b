package dev.rebuildcauses.app.serve;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Gives the heap back after a snapshot is built. Reading and analysing a large store allocates far more
 * than the snapshot keeps, and G1 would keep the heap it grew to (up to a quarter of the machine's memory
 * with the default JVM settings) for as long as the server runs. So, unless the user set them: the heap
 * keeps at most 30% free after a full collection (G1 otherwise keeps up to 70%), an idle server collects
 * once a minute (so a heap grown by a burst of requests shrinks again), and a full collection runs now.
 */
final class ServerHeap {
    /** Manageable HotSpot flags and the values the server sets when the user left them at their defaults. */
    private static final Map<String, String> SETTINGS = Map.of(
            "MinHeapFreeRatio", "10",
            "MaxHeapFreeRatio", "30",
            "G1PeriodicGCInterval", "60000");

    private ServerHeap() {}

    /** Sets the flags (once; where the JVM has them) and collects, so the analysis's garbage is returned. */
    static void settle() {
        tune();
        System.gc();
    }

    private static void tune() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotspot == null) {
            return;
        }
        // MinHeapFreeRatio must stay at or below MaxHeapFreeRatio at every step: lower the minimum first
        for (String flag : new String[] {"MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval"}) {
            try {
                VMOption option = hotspot.getVMOption(flag);
                if (option.getOrigin() == VMOption.Origin.DEFAULT && option.isWriteable()) {
                    hotspot.setVMOption(flag, SETTINGS.get(flag));
                }
            } catch (IllegalArgumentException e) {
                // not this JVM's flag (another collector or vendor): the server runs as configured
            }
        }
    }
}
