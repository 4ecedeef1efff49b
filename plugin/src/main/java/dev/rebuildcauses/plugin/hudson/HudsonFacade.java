package dev.rebuildcauses.plugin.hudson;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.jenkins.BuildJson;
import dev.rebuildcauses.harvest.jenkins.JobConfigParser;
import dev.rebuildcauses.harvest.model.TriggerCause;
import dev.rebuildcauses.plugin.FinishedBuild;
import hudson.model.Cause;
import hudson.model.Hudson;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kohsuke.stapler.export.Flavor;
import org.kohsuke.stapler.export.ModelBuilder;
import org.kohsuke.stapler.export.NamedPathPruner;

/**
 * Every call the plugin makes into the CI server's API, in one place, so that the list stays short and
 * visible (it is copied in the module's README) and the plugin builds against Hudson and Jenkins alike.
 * The other classes of the plugin receive plain values from here.
 */
final class HudsonFacade {
    private static final Logger LOG = Logger.getLogger(HudsonFacade.class.getName());

    private HudsonFacade() {}

    /** What the server says about a finished build, as plain values. */
    static FinishedBuild describe(Run<?, ?> run, TaskListener listener) {
        Map<String, String> environment = environment(run, listener);
        Result result = run.getResult();
        return new FinishedBuild(
                run.getParent().getFullName(),
                run.getNumber(),
                run.getTimeInMillis(),
                run.getDuration(),
                result == null ? "" : result.toString(),
                causes(run),
                environment.get("GIT_COMMIT"),
                environment.get("GIT_BRANCH"),
                gitUrl(run, environment.get("GIT_URL")),
                exportedJson(run));
    }

    /**
     * {@code GIT_URL} of the build's environment, else the job's first git remote from its
     * {@code config.xml} (read by the harvester's parser): Hudson's git plugin exports the URL nowhere
     * else, and a change source needs it to know the repository.
     */
    private static String gitUrl(Run<?, ?> run, String fromEnvironment) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        Job<?, ?> job = run.getParent();
        try {
            List<String> urls =
                    JobConfigParser.gitRemoteUrls(job.getConfigFile().asString(), job.getFullName() + "/config.xml");
            return urls.isEmpty() ? "" : urls.get(0);
        } catch (IOException | HarvestException | RuntimeException e) {
            LOG.log(Level.FINE, "no git remote in the configuration of " + job.getFullName(), e);
            return "";
        }
    }

    private static List<TriggerCause> causes(Run<?, ?> run) {
        List<TriggerCause> causes = new ArrayList<>();
        for (Cause cause : run.getCauses()) {
            String detail = "";
            if (cause instanceof Cause.UpstreamCause upstream) {
                detail = upstream.getUpstreamProject() + "#" + upstream.getUpstreamBuild();
            } else if (cause instanceof Cause.UserCause user) { // in both cores (deprecated in Jenkins)
                detail = user.getUserName();
            }
            causes.add(new TriggerCause(cause.getClass().getName(), cause.getShortDescription(), detail));
        }
        return causes;
    }

    /** {@code GIT_COMMIT}, {@code GIT_BRANCH} and the rest; empty when the server cannot tell. */
    private static Map<String, String> environment(Run<?, ?> run, TaskListener listener) {
        try {
            return run.getEnvironment(listener);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "no environment for " + run, e);
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    /** The build as its remote API ({@code api/json}) exports it, or {@code ""}. */
    private static String exportedJson(Run<?, ?> run) {
        StringWriter json = new StringWriter();
        try {
            @SuppressWarnings("unchecked")
            Class<Run<?, ?>> type = (Class<Run<?, ?>>) run.getClass();
            new ModelBuilder()
                    .get(type)
                    .writeTo(run, new NamedPathPruner(BuildJson.TREE), Flavor.JSON.createDataWriter(run, json));
            return json.toString();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Rebuild causes: cannot export " + run + " as JSON: " + e, e);
            return "";
        }
    }

    /** Every build of every job, for a back-fill; running builds are left to the listener. */
    static List<FinishedBuild> finishedBuilds() {
        List<FinishedBuild> builds = new ArrayList<>();
        for (Job<?, ?> job : Hudson.getInstance().getAllItems(Job.class)) {
            for (Run<?, ?> run : job.getBuilds()) {
                if (!run.isBuilding()) {
                    builds.add(describe(run, TaskListener.NULL));
                }
            }
        }
        return builds;
    }

    /** A job's full name (folders included), as builds are recorded under. */
    static String fullName(Job<?, ?> job) {
        return job.getFullName();
    }

    /** The server's home folder. */
    static Path serverHome() {
        return Hudson.getInstance().getRootDir().toPath();
    }

    /** Throws (the server turns it into a 403 or a login) unless the user may read. */
    static void checkRead() {
        Hudson.getInstance().checkPermission(Hudson.READ);
    }

    /** Throws unless the user may administer the server. */
    static void checkAdminister() {
        Hudson.getInstance().checkPermission(Hudson.ADMINISTER);
    }

    /** Whether the user may administer (to show the configuration links). */
    static boolean canAdminister() {
        return Hudson.getInstance().hasPermission(Hudson.ADMINISTER);
    }
}
