package dev.rebuildcauses.app.serve;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;

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

    /** Committed heap past which the watch collects in full, so the heap shrinks back under it. */
    static final long WATCH_LIMIT_BYTES = 640L << 20;

    private static final long WATCH_PAUSE_NANOS = 2_000_000_000L;
    private static final AtomicBoolean WATCHING = new AtomicBoolean();
    private static final AtomicBoolean COLLECTING = new AtomicBoolean();
    private static final AtomicLong LAST_COLLECTED = new AtomicLong(System.nanoTime() - WATCH_PAUSE_NANOS);

    private ServerHeap() {}

    /** Sets the flags (once; where the JVM has them) and collects, so the analysis's garbage is returned. */
    static void settle() {
        tune();
        System.gc();
    }

    /**
     * Keeps the committed heap near {@link #WATCH_LIMIT_BYTES} while the server reads a store and serves
     * (unless the user chose a heap size or collector settings): G1 grows the heap whenever collections
     * come often, which a burst of allocation (analysing a job of 20,000 builds, 32 clients at once)
     * does, and never gives it back by itself. After any collection that leaves the heap committed past
     * the limit, one full collection (at most every 2 s, on its own thread) shrinks it to what is live
     * plus 30%. Costs nothing while the heap stays under the limit.
     */
    static void watch() {
        if (userSizedTheHeap() || !WATCHING.compareAndSet(false, true)) {
            return;
        }
        tune();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        NotificationListener afterCollection = (notification, handback) -> {
            if (memory.getHeapMemoryUsage().getCommitted() > WATCH_LIMIT_BYTES) {
                collectInBackground();
            }
        };
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(afterCollection, null, null);
            }
        }
    }

    private static void collectInBackground() {
        long now = System.nanoTime();
        if (now - LAST_COLLECTED.get() < WATCH_PAUSE_NANOS || !COLLECTING.compareAndSet(false, true)) {
            return;
        }
        Thread collect = new Thread(
                () -> {
                    try {
                        System.gc();
                    } finally {
                        LAST_COLLECTED.set(System.nanoTime());
                        COLLECTING.set(false);
                    }
                },
                "heap-watch");
        collect.setDaemon(true);
        collect.start();
    }

    /** True when the JVM runs with a heap size or free ratios the user chose: the watch leaves it alone. */
    private static boolean userSizedTheHeap() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotspot == null) {
            return true;
        }
        for (String flag : new String[] {"MaxHeapSize", "MaxHeapFreeRatio"}) {
            try {
                VMOption option = hotspot.getVMOption(flag);
                if (option.getOrigin() != VMOption.Origin.DEFAULT && option.getOrigin() != VMOption.Origin.ERGONOMIC) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                return true;
            }
        }
        return false;
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
