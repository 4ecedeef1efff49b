package dev.rebuildcauses.harvest.run;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.jenkins.JenkinsBuild;
import dev.rebuildcauses.harvest.model.BuildJob;
import java.util.List;
import java.util.Optional;

/** What the harvester needs from a Jenkins (or Hudson) server; the Jenkins client is adapted to it. */
public interface JenkinsSource {
    /** Buildable jobs whose full names match an include glob and no exclude glob. */
    List<BuildJob> discoverJobs(List<String> include, List<String> exclude) throws HarvestException;

    /** The job's builds numbered above {@code sinceNumberExclusive}, in any order. */
    List<JenkinsBuild> builds(BuildJob job, long sinceNumberExclusive) throws HarvestException;

    /**
     * The git remote URL the job's configuration names, for servers whose builds do not export it
     * (Hudson); asked only when a build's revision cannot be chosen otherwise.
     */
    Optional<String> configuredRemoteUrl(BuildJob job) throws HarvestException;

    /** Requests made so far. */
    long requestCount();
}
