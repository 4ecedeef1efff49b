package dev.rebuildcauses.harvest.run;

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
 */
public record HarvestSummary(
        int newBuilds,
        int jobs,
        int ranges,
        int newCommits,
        long jenkinsRequests,
        long changeRequests,
        int unknownRanges,
        int runningBuilds) {
    /** The final line the command prints. */
    public String line() {
        return "harvested " + newBuilds + " new builds of " + jobs + " jobs (" + ranges + " ranges, " + newCommits
                + " commits); requests: jenkins " + jenkinsRequests + ", bitbucket " + changeRequests
                + "; unknown ranges " + unknownRanges
                + (runningBuilds > 0 ? "; still running " + runningBuilds : "");
    }
}
