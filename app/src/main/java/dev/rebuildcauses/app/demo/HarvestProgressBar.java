package dev.rebuildcauses.app.demo;

import dev.rebuildcauses.app.ProgressBar;
import dev.rebuildcauses.harvest.run.HarvestProgress;
import java.io.PrintWriter;

/** Shows a harvest's builds on a {@link ProgressBar}; the total grows as jobs are listed. */
public final class HarvestProgressBar implements HarvestProgress {
    private final ProgressBar bar;
    private long total;
    private long done;

    public HarvestProgressBar(PrintWriter err, boolean enabled) {
        this.bar = new ProgressBar(err, "builds harvested", enabled);
    }

    @Override
    public void jobStarted(String job, int builds) {
        total += builds;
        bar.update(done, total);
    }

    @Override
    public void buildHarvested(String job, long number, boolean rangeRequested) {
        done++;
        bar.update(done, total);
    }

    public void finish() {
        bar.finish();
    }
}
