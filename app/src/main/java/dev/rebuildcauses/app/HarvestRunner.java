package dev.rebuildcauses.app;

import dev.rebuildcauses.harvest.bitbucket.BitbucketCloudChangeSource;
import dev.rebuildcauses.harvest.bitbucket.BitbucketServerChangeSource;
import dev.rebuildcauses.harvest.changes.ChangeSource;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.config.ChangesConfig;
import dev.rebuildcauses.harvest.config.ConfigException;
import dev.rebuildcauses.harvest.config.ConfigLoader;
import dev.rebuildcauses.harvest.config.HarvestConfig;
import dev.rebuildcauses.harvest.config.TokenRef;
import dev.rebuildcauses.harvest.git.GitMirrors;
import dev.rebuildcauses.harvest.git.LocalGitChangeSource;
import dev.rebuildcauses.harvest.git.MirrorChangeSource;
import dev.rebuildcauses.harvest.http.Credentials;
import dev.rebuildcauses.harvest.http.HttpSettings;
import dev.rebuildcauses.harvest.http.RemoteHttp;
import dev.rebuildcauses.harvest.jenkins.JenkinsClient;
import dev.rebuildcauses.harvest.jenkins.TriggerLabels;
import dev.rebuildcauses.harvest.run.HarvestPlan;
import dev.rebuildcauses.harvest.run.HarvestSummary;
import dev.rebuildcauses.harvest.run.Harvester;
import dev.rebuildcauses.harvest.run.JenkinsClientSource;
import dev.rebuildcauses.harvest.run.LeasedJobs;
import dev.rebuildcauses.harvest.run.RevisionChooser;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.harvest.store.JobLeases;
import dev.rebuildcauses.harvest.store.StoreCommitCache;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Wires {@code harvest}: config in, Jenkins and the change source through the harvester into the store (also the dashboard's scheduled harvest). */
public final class HarvestRunner {
    /** Ranges asked of a Bitbucket server at once: one range is two small GETs, latency dominates. */
    static final int RANGE_THREADS = 8;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> environment;

    public HarvestRunner(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public HarvestSummary run(Path configFile, boolean quiet) throws ConfigException, HarvestException {
        HarvestConfig config = new ConfigLoader().loadForHarvest(configFile);
        String jenkinsToken = token(config.jenkins().tokenRef(), configFile);
        JenkinsClient jenkins = new JenkinsClient(
                config.jenkins().url(),
                RemoteHttp.create(
                        "Jenkins",
                        HttpSettings.defaults(),
                        Credentials.of(config.jenkins().user(), jenkinsToken)));
        HarvestProgressBar progress = new HarvestProgressBar(err, ProgressBar.wanted(quiet));
        HarvestSummary summary;
        boolean newStore = !BuildStore.exists(config.store());
        try (BuildStore store = BuildStore.open(config.store())) {
            ChangeSource changes = changeSource(config, store);
            HarvestPlan plan = new HarvestPlan(
                    config.jenkins().include(), config.jenkins().exclude(), config.changes()::repositoryFor, 50);
            Harvester harvester = new Harvester(
                            store,
                            new JenkinsClientSource(jenkins),
                            changes,
                            RevisionChooser.BY_URL,
                            TriggerLabels::label,
                            plan,
                            progress)
                    .withRangeConcurrency(rangeConcurrency(config));
            // a PostgreSQL store may be shared by several harvesters: they split the jobs by leases
            try (LeasedJobs leases = JobLeases.isShared(config.store())
                    ? new LeasedJobs(JobLeases.open(config.store(), holderName(), leaseTime()))
                    : null) {
                summary = (leases == null ? harvester : harvester.withLeases(leases)).harvest();
                // every reader of the store (the dashboard, a report) can then say when it was harvested
                store.recordHarvest(java.time.Instant.now(), holderName(), summary.newBuilds(), summary.jobs());
            } catch (HarvestException e) {
                if (newStore && store.isEmpty()) {
                    // a first harvest that brought nothing in leaves nothing behind
                    store.close();
                    BuildStore.delete(config.store());
                }
                throw e;
            } finally {
                progress.finish();
            }
        }
        warnAboutMissingSources(summary, config);
        out.println(summary.line());
        out.flush();
        return summary;
    }

    /** One warning per repository without a change source, with the config line that would fix it. */
    private void warnAboutMissingSources(HarvestSummary summary, HarvestConfig config) {
        for (HarvestSummary.MissingSource missing : summary.missingSources()) {
            err.println(MissingSourceWarning.of(missing, config.changes().source(), config.file()));
        }
        err.flush();
    }

    /** Mirrors live in the data folder beside the config file: {@code rebuild-causes-data/mirrors}. */
    static Path mirrorFolder(HarvestConfig config) {
        Path folder = config.file().toAbsolutePath().getParent();
        return folder.resolve("rebuild-causes-data").resolve("mirrors");
    }

    /** Names this process in the lease table: host and process id, for people looking at it. */
    private static String holderName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid();
    }

    /** How long a job lease lasts unless renewed; a killed harvester's jobs wait this long. */
    private static Duration leaseTime() {
        return Duration.ofSeconds(Long.getLong("rebuild-causes.lease-seconds", 60));
    }

    /** Remote sources resolve ranges as many at once as their client lets through; local git one at a time. */
    private static int rangeConcurrency(HarvestConfig config) {
        if (config.changes().mirror()) {
            return 1;
        }
        return switch (config.changes().source()) {
            case GIT -> 1;
            case BITBUCKET_SERVER -> config.changes().concurrencyOr(RANGE_THREADS);
            case BITBUCKET_CLOUD -> config.changes()
                    .concurrencyOr(HttpSettings.bitbucketCloudDefaults().maxConcurrentRequests());
        };
    }

    private ChangeSource changeSource(HarvestConfig config, BuildStore store) throws ConfigException {
        ChangesConfig changes = config.changes();
        if (changes.mirror()) {
            // the same credential as the REST API, sent by git as a header: never in a URL or a file
            return new MirrorChangeSource(new GitMirrors(
                    mirrorFolder(config), credentials(changes, config).authorization()));
        }
        return switch (changes.source()) {
            case GIT -> new LocalGitChangeSource(HarvestRunner::localClone);
            case BITBUCKET_SERVER -> new BitbucketServerChangeSource(
                    changes.url(),
                    RemoteHttp.create(
                            "Bitbucket Server",
                            HttpSettings.defaults().withMaxConcurrentRequests(rangeConcurrency(config)),
                            credentials(changes, config)),
                    new StoreCommitCache(store),
                    Map.of());
            case BITBUCKET_CLOUD -> new BitbucketCloudChangeSource(
                    changes.url(),
                    RemoteHttp.create(
                            "Bitbucket Cloud",
                            HttpSettings.bitbucketCloudDefaults().withMaxConcurrentRequests(rangeConcurrency(config)),
                            credentials(changes, config)),
                    new StoreCommitCache(store),
                    Map.of());
        };
    }

    private Credentials credentials(ChangesConfig changes, HarvestConfig config) throws ConfigException {
        return Credentials.of(changes.user(), token(changes.tokenRef(), config.file()));
    }

    private String token(Optional<TokenRef> ref, Path configFile) throws ConfigException {
        if (ref.isEmpty()) {
            return null;
        }
        try {
            return ref.get().resolve(environment);
        } catch (ConfigException e) {
            throw new ConfigException(configFile.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** The git source reads the clone the config maps a job to; anything else has no clone here. */
    private static Optional<Path> localClone(String repository) {
        try {
            Path path = Path.of(repository);
            return path.isAbsolute() && Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
