package dev.rebuildcauses.app.serve;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;

/**
 * Gives the heap back after a snapshot is built. Reading and analysing a large store allocates far more
 * than the snapshot keeps, and G1 would keep the heap it grew to (up to a quarter of the machine's memory
 * with the default JVM settings) for as long as the server runs. So, unless the user set them: while a
 * store is read the heap keeps 30-50% free after a full collection, once serving at most 30% (G1
 * otherwise keeps up to 70%), an idle server collects once a minute (so a heap grown by a burst of
 * requests shrinks again), and a full collection runs once the snapshot is built.
 */
final class ServerHeap {
    /** The manageable HotSpot flags the server sets; {@link #LOADING} and {@link #SERVING} in this order. */
    private static final String[] FLAGS = {"MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval"};

    /**
     * While a store is read and analysed: after a full collection the heap keeps 30–50% free, room for the
     * analysis's short-lived garbage. Kept tighter, young collections come every few milliseconds and G1
     * answers their share of the time by tripling the heap at once.
     */
    private static final String[] LOADING = {"30", "50", "60000"};

    /** While serving: at most 30% free after a full collection (G1 otherwise keeps up to 70%). */
    private static final String[] SERVING = {"10", "30", "60000"};

    /** The flags the user left at their defaults (decided at the first setting); only these are set. */
    private static boolean[] owned; // read and written in the synchronized tune only

    /** Committed heap past which the watch collects in full, so the heap shrinks back under it. */
    static final long WATCH_LIMIT_BYTES = 640L << 20;

    private static final long WATCH_PAUSE_NANOS = 2_000_000_000L;
    private static final AtomicBoolean WATCHING = new AtomicBoolean();
    private static final AtomicBoolean COLLECTING = new AtomicBoolean();
    private static final AtomicLong LAST_COLLECTED = new AtomicLong(System.nanoTime() - WATCH_PAUSE_NANOS);

    private ServerHeap() {}

    /** Sets the serving flags (where the JVM has them) and collects, so the analysis's garbage is returned. */
    static void settle() {
        tune(SERVING);
        System.gc();
    }

    /** True once {@link #watch} took charge of the heap (the user left its size and ratios alone). */
    static boolean watching() {
        return WATCHING.get();
    }

    /** Sets the loading flags again before another read of the store (a scheduled harvest's refresh). */
    static void loading() {
        if (WATCHING.get()) {
            tune(LOADING);
        }
    }

    /**
     * Keeps the committed heap near {@link #WATCH_LIMIT_BYTES} while the server reads a store and serves
     * (unless the user chose a heap size or collector settings): G1 grows the heap whenever collections
     * come often, which a burst of allocation (analysing a job of 20,000 builds, 32 clients at once)
     * does, and never gives it back by itself. After any collection that leaves the heap committed past
     * the limit, one full collection on its own thread (at most every 2 s; one asked for sooner waits
     * out the rest of the 2 s) shrinks it to what is live plus the free share set above. Costs nothing
     * while the heap stays under the limit.
     */
    static void watch() {
        if (userSizedTheHeap() || !WATCHING.compareAndSet(false, true)) {
            return;
        }
        tune(LOADING);
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

    /**
     * One full collection on a thread of its own, at most every {@link #WATCH_PAUSE_NANOS}: one asked for
     * sooner waits out the pause rather than being dropped, since with the heap grown the next collection
     * (and so the next chance to notice) may be many seconds and hundreds of megabytes away.
     */
    private static void collectInBackground() {
        if (!COLLECTING.compareAndSet(false, true)) {
            return;
        }
        Thread collect = new Thread(
                () -> {
                    try {
                        long wait = WATCH_PAUSE_NANOS - (System.nanoTime() - LAST_COLLECTED.get());
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                        System.gc();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
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

    private static synchronized void tune(String[] values) {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotspot == null) {
            return;
        }
        if (owned == null) {
            boolean[] left = new boolean[FLAGS.length];
            for (int i = 0; i < FLAGS.length; i++) {
                left[i] = leftAtDefault(hotspot, FLAGS[i]);
            }
            owned = left;
        }
        // MinHeapFreeRatio must stay at or below MaxHeapFreeRatio at every step: lower the minimum first,
        // raise the maximum first
        boolean raising = owned[1] && Integer.parseInt(values[1]) > current(hotspot, FLAGS[1]);
        int[] order = raising ? new int[] {1, 0, 2} : new int[] {0, 1, 2};
        for (int i : order) {
            if (owned[i]) {
                try {
                    hotspot.setVMOption(FLAGS[i], values[i]);
                } catch (IllegalArgumentException e) {
                    // refused (another collector or vendor): the server runs as configured
                }
            }
        }
    }

    private static boolean leftAtDefault(HotSpotDiagnosticMXBean hotspot, String flag) {
        try {
            VMOption option = hotspot.getVMOption(flag);
            return option.getOrigin() == VMOption.Origin.DEFAULT && option.isWriteable();
        } catch (IllegalArgumentException e) {
            return false; // not this JVM's flag
        }
    }

    private static int current(HotSpotDiagnosticMXBean hotspot, String flag) {
        return Integer.parseInt(hotspot.getVMOption(flag).getValue());
    }
}
