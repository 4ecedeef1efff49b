package dev.rebuildcauses.simulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator until interrupted, for trying clients by hand:
 * {@code SimulatorMain [builds] [latency-ms] [seed]}.
 */
public final class SimulatorMain {
    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options = SimulatorOptions.defaults()
                .withBuilds(args.length > 0 ? Integer.parseInt(args[0]) : 3000)
                .withLatency(Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 0))
                .withSeed(args.length > 2 ? Long.parseLong(args[2]) : 42);
        Simulator simulator = Simulator.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        System.out.println("Jenkins:   " + simulator.jenkinsUrl() + " (user " + options.jenkinsUser() + ", token "
                + options.jenkinsToken() + ")");
        System.out.println("Bitbucket: " + simulator.bitbucketUrl() + " (Bearer " + options.bitbucketToken() + ")");
        System.out.println(simulator.history().buildCount() + " builds in "
                + simulator.history().buildableJobs().size() + " jobs; Ctrl-C stops");
        new CountDownLatch(1).await();
    }
}
