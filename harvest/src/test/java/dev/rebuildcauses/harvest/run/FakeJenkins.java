package dev.rebuildcauses.harvest.run;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.jenkins.JenkinsBuild;
import dev.rebuildcauses.harvest.model.BuildJob;
import dev.rebuildcauses.harvest.model.JobGlob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory Jenkins that counts the requests a real one would have answered. */
final class FakeJenkins implements JenkinsSource {
    final Map<BuildJob, List<JenkinsBuild>> builds = new LinkedHashMap<>();
    final Map<String, String> configuredUrls = new LinkedHashMap<>();
    long requests;
    int configXmlRequests;

    FakeJenkins job(String name, List<JenkinsBuild> jobBuilds) {
        builds.put(
                new BuildJob(name, "http://ci/job/" + name.replace("/", "/job/") + "/", ""),
                new ArrayList<>(jobBuilds));
        return this;
    }

    void replace(String name, JenkinsBuild build) {
        List<JenkinsBuild> list = builds.get(job(name));
        list.removeIf(b -> b.number() == build.number());
        list.add(build);
    }

    BuildJob job(String name) {
        return builds.keySet().stream()
                .filter(j -> j.fullName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Override
    public List<BuildJob> discoverJobs(List<String> include, List<String> exclude) {
        requests++;
        List<JobGlob> in = include.stream().map(JobGlob::of).toList();
        List<JobGlob> out = exclude.stream().map(JobGlob::of).toList();
        return builds.keySet().stream()
                .filter(j -> JobGlob.selects(in, out, j.fullName()))
                .toList();
    }

    @Override
    public List<JenkinsBuild> builds(BuildJob job, long sinceNumberExclusive) {
        requests++;
        // newest first, as Jenkins lists them
        return builds.get(job).stream()
                .filter(b -> b.number() > sinceNumberExclusive)
                .sorted((a, b) -> Long.compare(b.number(), a.number()))
                .toList();
    }

    @Override
    public Optional<String> configuredRemoteUrl(BuildJob job) throws HarvestException {
        requests++;
        configXmlRequests++;
        return Optional.ofNullable(configuredUrls.get(job.fullName()));
    }

    @Override
    public long requestCount() {
        return requests;
    }
}
