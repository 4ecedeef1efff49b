package dev.rebuildcauses.app;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr, e.g. {@code [#####     ] 52% 5,200/10,000 commits  1.2s}.
 * Drawn only once the work has taken more than a moment, so quick runs stay silent. Thread-safe:
 * the worker updates it, the command finishes it.
 */
public final class ProgressBar {
    static final long DELAY_NANOS = 300_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 20;

    private final PrintWriter err;
    private final String unit;
    private final boolean enabled;
    private final LongSupplier clock;
    private final long start;
    private long lastDraw = Long.MIN_VALUE;
    private long done;
    private long total;
    private boolean drawn;
    private boolean finished;

    /**
     * Whether commands draw progress: not with {@code --quiet}, and not when there is no terminal
     * (a log file or a pipe would fill with carriage-return frames), unless the system property
     * {@code rebuild-causes.progress=always} asks for it.
     */
    public static boolean wanted(boolean quiet) {
        if (quiet) {
            return false;
        }
        return System.console() != null || "always".equals(System.getProperty("rebuild-causes.progress"));
    }

    public ProgressBar(PrintWriter err, String unit, boolean enabled) {
        this(err, unit, enabled, System::nanoTime);
    }

    ProgressBar(PrintWriter err, String unit, boolean enabled, LongSupplier clock) {
        this.err = err;
        this.unit = unit;
        this.enabled = enabled;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** {@code done} of {@code total} are finished; a total of 0 or less means not known yet. */
    public synchronized void update(long done, long total) {
        this.done = done;
        this.total = total;
        if (!enabled || finished) {
            return;
        }
        long now = clock.getAsLong();
        if (now - start < DELAY_NANOS || (drawn && now - lastDraw < REDRAW_NANOS && done < total)) {
            return;
        }
        draw(now);
    }

    /** Draws the final state and ends the line, if the bar was shown at all; later updates draw nothing. */
    public synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (enabled && drawn) {
            draw(clock.getAsLong());
            err.println();
            err.flush();
        }
    }

    private void draw(long now) {
        if (total <= 0) {
            // the total is not known yet: count only
            err.print(String.format(Locale.ROOT, "\r%,d %s  %.1fs", done, unit, (now - start) / 1e9));
            err.flush();
            drawn = true;
            lastDraw = now;
            return;
        }
        double fraction = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        err.print(String.format(
                Locale.ROOT,
                "\r[%s%s] %3d%% %,d/%,d %s  %.1fs",
                "#".repeat(filled),
                " ".repeat(WIDTH - filled),
                (int) Math.floor(fraction * 100),
                done,
                total,
                unit,
                (now - start) / 1e9));
        err.flush();
        drawn = true;
        lastDraw = now;
    }
}
