package dev.rebuildcauses.app;

import dev.rebuildcauses.harvest.run.HarvestProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The harvest's progress on one stderr line, e.g.
 * {@code [########            ] jobs 4/10  builds 1,234  ranges 310  12.0s}; drawn only once the
 * harvest has taken more than a moment.
 */
final class HarvestProgressBar implements HarvestProgress {
    private static final long DELAY_NANOS = 300_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 20;

    private final PrintWriter err;
    private final boolean enabled;
    private final LongSupplier clock;
    private final long start;
    private long lastDraw;
    private boolean drawn;
    private int jobs;
    private int jobsDone;
    private long builds;
    private long ranges;
    private String job = "";

    HarvestProgressBar(PrintWriter err, boolean enabled) {
        this(err, enabled, System::nanoTime);
    }

    HarvestProgressBar(PrintWriter err, boolean enabled, LongSupplier clock) {
        this.err = err;
        this.enabled = enabled;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    @Override
    public void jobsDiscovered(int count) {
        jobs = count;
        redraw(false);
    }

    @Override
    public void jobStarted(String name, int buildCount) {
        job = name;
        redraw(false);
    }

    @Override
    public void buildHarvested(String name, long number, boolean rangeRequested) {
        builds++;
        if (rangeRequested) {
            ranges++;
        }
        redraw(false);
    }

    @Override
    public void jobFinished(String name) {
        jobsDone++;
        redraw(false);
    }

    /** Draws the final state and ends the line, if the bar was shown at all. */
    void finish() {
        if (enabled && drawn) {
            redraw(true);
            err.println();
            err.flush();
        }
    }

    /** The line as drawn, without the leading carriage return. */
    String line(long now) {
        double fraction = jobs == 0 ? 0 : (double) jobsDone / jobs;
        int filled = (int) Math.round(fraction * WIDTH);
        String shown = job.length() > 40 ? "…" + job.substring(job.length() - 39) : job;
        return String.format(
                Locale.ROOT,
                "[%s%s] jobs %d/%d  builds %,d  ranges %,d  %.1fs  %s",
                "#".repeat(filled),
                " ".repeat(WIDTH - filled),
                jobsDone,
                jobs,
                builds,
                ranges,
                (now - start) / 1e9,
                jobsDone == jobs ? "" : shown);
    }

    private void redraw(boolean force) {
        if (!enabled) {
            return;
        }
        long now = clock.getAsLong();
        if (!force && (now - start < DELAY_NANOS || (drawn && now - lastDraw < REDRAW_NANOS))) {
            return;
        }
        // padded so a shorter line hides the end of a longer one, without terminal escapes
        err.print(String.format(Locale.ROOT, "\r%-110s", line(now)));
        err.flush();
        drawn = true;
        lastDraw = now;
    }
}
