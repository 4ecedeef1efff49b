package dev.rebuildcauses.harvest.run;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.store.BuildStore;

/**
 * A harvest in its own JVM, for the kill test: four generated jobs of 60 builds into the store
 * named by the first argument, each range taking the milliseconds of the second. Prints one
 * line per build handled so the parent can kill it at a chosen moment.
 */
public final class HarvestChild {
    static final int JOBS = 4;
    static final int BUILDS = 60;

    private HarvestChild() {}

    public static void main(String[] args) throws HarvestException {
        FakeJenkins jenkins = jenkins();
        HarvestProgress progress = new HarvestProgress() {
            @Override
            public void buildHarvested(String job, long number, boolean rangeRequested) {
                System.out.println("build " + job + " " + number);
                System.out.flush();
            }
        };
        try (BuildStore store = BuildStore.open(args[0])) {
            HarvestSummary summary = new Harvester(
                            store,
                            jenkins,
                            new FakeChangeSource(Long.parseLong(args[1])),
                            RevisionChooser.BY_URL,
                            FakeBuilds::label,
                            HarvestPlan.everything().withBatchSize(10),
                            progress)
                    .harvest();
            System.out.println("done " + summary.line());
        }
    }

    static FakeJenkins jenkins() {
        FakeJenkins jenkins = new FakeJenkins();
        for (int j = 0; j < JOBS; j++) {
            String job = "images/job" + j;
            jenkins.job(job, FakeBuilds.generated(job, BUILDS));
        }
        return jenkins;
    }
}
