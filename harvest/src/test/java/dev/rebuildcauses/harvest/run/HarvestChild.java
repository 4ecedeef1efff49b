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
        // the store kill test kills the child at moments measured from this line: the JDBC driver is
        // loaded and connected once before, so what follows it is mostly creating or migrating the store
        try (java.sql.Connection warm = java.sql.DriverManager.getConnection(
                dev.rebuildcauses.harvest.store.JdbcUrls.withSafeH2Settings(args[0]))) {
            warm.getMetaData();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot connect to " + args[0], e);
        }
        System.out.println("opening");
        System.out.flush();
        try (BuildStore store = BuildStore.open(args[0])) {
            System.out.println("opened");
            System.out.flush();
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
