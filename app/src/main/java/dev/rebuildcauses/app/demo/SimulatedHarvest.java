package dev.rebuildcauses.app.demo;

import dev.rebuildcauses.harvest.bitbucket.BitbucketServerChangeSource;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.git.GitMirrors;
import dev.rebuildcauses.harvest.git.MirrorChangeSource;
import dev.rebuildcauses.harvest.http.Credentials;
import dev.rebuildcauses.harvest.http.HttpSettings;
import dev.rebuildcauses.harvest.http.RemoteHttp;
import dev.rebuildcauses.harvest.jenkins.JenkinsClient;
import dev.rebuildcauses.harvest.jenkins.TriggerLabels;
import dev.rebuildcauses.harvest.run.HarvestPlan;
import dev.rebuildcauses.harvest.run.HarvestProgress;
import dev.rebuildcauses.harvest.run.HarvestSummary;
import dev.rebuildcauses.harvest.run.Harvester;
import dev.rebuildcauses.harvest.run.JenkinsClientSource;
import dev.rebuildcauses.harvest.run.RevisionChooser;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.harvest.store.StoreCommitCache;
import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Harvests a running {@link Simulator} with the real harvester over HTTP, as a user's config would
 * wire it: Jenkins with Basic auth, Bitbucket Server with a Bearer token, the multibranch jobs'
 * repositories mapped (their branch jobs' config.xml names no remote).
 */
public final class SimulatedHarvest {
    private SimulatedHarvest() {}

    /**
     * One harvest of the simulator into the store; each call uses fresh clients (fresh request counts)
     * and resolves as many ranges at once as the settings let requests through.
     */
    public static HarvestSummary run(
            Simulator simulator, BuildStore store, HttpSettings settings, HarvestProgress progress)
            throws HarvestException {
        return run(simulator, store, settings, progress, true);
    }

    /**
     * As {@link #run(Simulator, BuildStore, HttpSettings, HarvestProgress)}; without {@code
     * mapRepositories} no job has a repository from the config, so the multibranch jobs' revisions
     * and repositories come from their builds' BuildData alone.
     */
    public static HarvestSummary run(
            Simulator simulator,
            BuildStore store,
            HttpSettings settings,
            HarvestProgress progress,
            boolean mapRepositories)
            throws HarvestException {
        SimulatorOptions options = simulator.options();
        RemoteHttp jenkinsHttp = RemoteHttp.create(
                "Jenkins", settings, Credentials.basic(options.jenkinsUser(), options.jenkinsToken()));
        RemoteHttp bitbucketHttp =
                RemoteHttp.create("Bitbucket Server", settings, Credentials.bearer(options.bitbucketToken()));
        JenkinsClient jenkins = new JenkinsClient(simulator.jenkinsUrl(), jenkinsHttp);
        BitbucketServerChangeSource changes = new BitbucketServerChangeSource(
                simulator.bitbucketUrl(), bitbucketHttp, new StoreCommitCache(store), Map.of());
        HarvestPlan plan = mapRepositories
                ? HarvestPlan.everything().withRepositories(job -> repositoryOf(simulator, job))
                : HarvestPlan.everything();
        return new Harvester(
                        store,
                        new JenkinsClientSource(jenkins),
                        changes,
                        RevisionChooser.BY_URL,
                        TriggerLabels::label,
                        plan,
                        progress)
                .withRangeConcurrency(settings.maxConcurrentRequests())
                .harvest();
    }

    /**
     * As {@link #run(Simulator, BuildStore, HttpSettings, HarvestProgress)} in mirror mode: ranges come
     * from git mirrors kept under {@code mirrors} (the simulator must {@link Simulator#serveGit serve
     * git}), with no Bitbucket REST request.
     */
    public static HarvestSummary runMirrored(
            Simulator simulator, BuildStore store, HttpSettings settings, HarvestProgress progress, Path mirrors)
            throws HarvestException {
        SimulatorOptions options = simulator.options();
        RemoteHttp jenkinsHttp = RemoteHttp.create(
                "Jenkins", settings, Credentials.basic(options.jenkinsUser(), options.jenkinsToken()));
        JenkinsClient jenkins = new JenkinsClient(simulator.jenkinsUrl(), jenkinsHttp);
        MirrorChangeSource changes = new MirrorChangeSource(new GitMirrors(
                mirrors, Credentials.bearer(options.bitbucketToken()).authorization()));
        return new Harvester(
                        store,
                        new JenkinsClientSource(jenkins),
                        changes,
                        RevisionChooser.BY_URL,
                        TriggerLabels::label,
                        HarvestPlan.everything().withRepositories(job -> repositoryOf(simulator, job)),
                        progress)
                .harvest();
    }

    /** The clone URL of a multibranch job's repository: what {@code changes.repositories} says in a config. */
    static Optional<String> repositoryOf(Simulator simulator, String job) {
        if (!job.startsWith("services/webapp/") && !job.startsWith("acme/")) {
            return Optional.empty();
        }
        return simulator.history().buildableJobs().stream()
                .filter(j -> j.fullName().equals(job)
                        || j.fullName().replace("%2F", "/").equals(job))
                .findFirst()
                .map(j -> simulator.bitbucket().cloneUrl(j.repositoryKey()));
    }
}
