package dev.rebuildcauses.harvest.run;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.jenkins.JenkinsBuild;
import dev.rebuildcauses.harvest.jenkins.JenkinsClient;
import dev.rebuildcauses.harvest.model.BuildJob;
import java.util.List;
import java.util.Optional;

/** The harvester's view of a real Jenkins or Hudson server, through {@link JenkinsClient}. */
public final class JenkinsClientSource implements JenkinsSource {
    private final JenkinsClient client;

    public JenkinsClientSource(JenkinsClient client) {
        this.client = client;
    }

    @Override
    public List<BuildJob> discoverJobs(List<String> include, List<String> exclude) throws HarvestException {
        return client.discoverJobs(include, exclude);
    }

    @Override
    public List<JenkinsBuild> builds(BuildJob job, long sinceNumberExclusive) throws HarvestException {
        return client.builds(job, sinceNumberExclusive);
    }

    @Override
    public Optional<String> configuredRemoteUrl(BuildJob job) throws HarvestException {
        try {
            return client.gitRemoteUrls(job).stream().findFirst();
        } catch (HarvestException e) {
            // branch jobs of multibranch projects have no SCM in config.xml, and reading it needs
            // Extended Read: without it the job's ranges say why they are unknown instead
            if (e.kind() == HarvestException.FailureKind.NOT_FOUND || e.kind() == HarvestException.FailureKind.AUTH) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public long requestCount() {
        return client.requestCount();
    }
}
