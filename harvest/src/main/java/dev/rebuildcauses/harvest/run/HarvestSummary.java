package dev.rebuildcauses.harvest.run;

import java.util.List;

/**
 * What one harvest did.
 *
 * @param newBuilds builds written (new, or finished since the last harvest)
 * @param jobs jobs looked at
 * @param ranges ranges asked of the change source
 * @param newCommits commits new to the store
 * @param jenkinsRequests requests made to Jenkins
 * @param changeRequests requests made to the change source's server (0 for local git)
 * @param unknownRanges written builds whose range could not be resolved
 * @param runningBuilds builds still running, to be collected again next time
 * @param noRevision written builds that recorded no revision
 * @param noChangeSource written builds whose repository has no change source (kept, to resolve later)
 * @param resolvedLater builds stored by an earlier harvest without a change source, resolved now
 * @param missingSources the repositories without a change source, with the jobs that built them
 */
public record HarvestSummary(
        int newBuilds,
        int jobs,
        int ranges,
        int newCommits,
        long jenkinsRequests,
        long changeRequests,
        int unknownRanges,
        int runningBuilds,
        int noRevision,
        int noChangeSource,
        int resolvedLater,
        List<MissingSource> missingSources) {
    public HarvestSummary {
        missingSources = List.copyOf(missingSources);
    }

    /** A summary of a harvest in which every build had a revision and a change source. */
    public HarvestSummary(
            int newBuilds,
            int jobs,
            int ranges,
            int newCommits,
            long jenkinsRequests,
            long changeRequests,
            int unknownRanges,
            int runningBuilds) {
        this(
                newBuilds,
                jobs,
                ranges,
                newCommits,
                jenkinsRequests,
                changeRequests,
                unknownRanges,
                runningBuilds,
                0,
                0,
                0,
                List.of());
    }

    /**
     * True when builds needed a change source and not one of their repositories had any: nothing
     * could be resolved (the builds are stored all the same).
     */
    public boolean nothingResolvable() {
        return noChangeSource > 0 && ranges == 0 && resolvedLater == 0;
    }

    /** The final line the command prints. */
    public String line() {
        return "harvested " + newBuilds + " new builds of " + jobs + " jobs (" + ranges + " ranges, " + newCommits
                + " commits); requests: jenkins " + jenkinsRequests + ", bitbucket " + changeRequests
                + "; unknown ranges " + unknownRanges
                + "; no revision " + noRevision
                + "; no change source " + noChangeSource
                + (resolvedLater > 0 ? "; resolved from earlier harvests " + resolvedLater : "")
                + (runningBuilds > 0 ? "; still running " + runningBuilds : "");
    }

    /**
     * A repository the change source cannot read, and what depends on it.
     *
     * @param repository the repository as the builds name it (a clone URL), or {@code ""} when no build
     *     named one and nothing is mapped for the job
     * @param jobs the jobs with builds of it, sorted
     * @param builds how many stored builds of it are still without a range
     */
    public record MissingSource(String repository, List<String> jobs, int builds) {
        public MissingSource {
            jobs = List.copyOf(jobs);
        }
    }
}
