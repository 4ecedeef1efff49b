package dev.rebuildcauses.simulator;

import dev.rebuildcauses.simulator.history.SimulatedHistory;
import dev.rebuildcauses.simulator.server.GitRepositories;
import dev.rebuildcauses.simulator.server.GitSmartHttpServer;
import dev.rebuildcauses.simulator.server.SimulatedBitbucketServer;
import dev.rebuildcauses.simulator.server.SimulatedJenkins;

/** A simulated Jenkins and Bitbucket Server on loopback, serving one generated history. */
public final class Simulator implements AutoCloseable {
    private final SimulatorOptions options;
    private final SimulatedHistory history;
    private final SimulatedBitbucketServer bitbucket;
    private final SimulatedJenkins jenkins;

    private Simulator(SimulatorOptions options, SimulatedHistory history) {
        this.options = options;
        this.history = history;
        this.bitbucket = new SimulatedBitbucketServer(
                history, options.bitbucketFaults(), options.bitbucketToken(), options.bitbucketLimitCap());
        this.jenkins = new SimulatedJenkins(
                history,
                options.jenkinsFaults(),
                this::cloneUrl,
                options.jenkinsUser(),
                options.jenkinsToken(),
                options.hudsonMode());
    }

    /** Generates the history and starts both servers on free loopback ports. */
    public static Simulator start(SimulatorOptions options) {
        return start(options, SimulatedHistory.generate(options.seed(), options.builds()));
    }

    /** Starts both servers over a history generated before (generating 10,000 builds takes a few seconds). */
    public static Simulator start(SimulatorOptions options, SimulatedHistory history) {
        Simulator simulator = new Simulator(options, history);
        simulator.bitbucket.start();
        simulator.jenkins.start();
        return simulator;
    }

    /**
     * Writes every repository as a real git repository under {@code root} and serves them at their
     * clone URLs over git's smart HTTP protocol (with the Bitbucket token), for mirror-mode harvests.
     *
     * @return the git server, to count its requests
     */
    public GitSmartHttpServer serveGit(java.nio.file.Path root) {
        GitRepositories.write(history, root);
        return bitbucket.serveGit(root);
    }

    private String cloneUrl(String repositoryKey) {
        return bitbucket.cloneUrl(repositoryKey);
    }

    public SimulatorOptions options() {
        return options;
    }

    public SimulatedHistory history() {
        return history;
    }

    /** The Jenkins root URL, ending with {@code /}. */
    public String jenkinsUrl() {
        return jenkins.url();
    }

    /** The Bitbucket Server base URL, ending with {@code /} (REST under {@code rest/api/1.0/}). */
    public String bitbucketUrl() {
        return bitbucket.url();
    }

    public SimulatedJenkins jenkins() {
        return jenkins;
    }

    public SimulatedBitbucketServer bitbucket() {
        return bitbucket;
    }

    /** Requests both servers received. */
    public long requestCount() {
        return jenkins.requestCount() + bitbucket.requestCount();
    }

    public void resetCounts() {
        jenkins.resetCounts();
        bitbucket.resetCounts();
    }

    @Override
    public void close() {
        jenkins.close();
        bitbucket.close();
    }
}
