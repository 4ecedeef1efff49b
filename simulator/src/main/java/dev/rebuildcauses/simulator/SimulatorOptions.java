package dev.rebuildcauses.simulator;

import dev.rebuildcauses.simulator.server.FaultPlan;
import java.time.Duration;

/**
 * How to start a {@link Simulator}.
 *
 * @param seed the history's seed
 * @param builds about how many builds to generate
 * @param jenkinsFaults latency and faults of the Jenkins server
 * @param bitbucketFaults latency and faults of the Bitbucket server (and its gone commits)
 * @param jenkinsUser the user Jenkins accepts, {@code null} for no auth check
 * @param jenkinsToken that user's API token
 * @param bitbucketToken the Bearer token Bitbucket accepts, {@code null} for no auth check
 * @param hudsonMode answer like Hudson 3.3.2 instead of Jenkins
 * @param bitbucketLimitCap the largest page Bitbucket hands out
 */
public record SimulatorOptions(
        long seed,
        int builds,
        FaultPlan jenkinsFaults,
        FaultPlan bitbucketFaults,
        String jenkinsUser,
        String jenkinsToken,
        String bitbucketToken,
        boolean hudsonMode,
        int bitbucketLimitCap) {

    /** Seed 42, about 3,000 builds, no latency or faults, auth on with the demo credentials. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(
                42,
                3000,
                FaultPlan.none(),
                FaultPlan.none(),
                "demo",
                "demo-jenkins-token",
                "demo-bitbucket-token",
                false,
                1000);
    }

    public SimulatorOptions withBuilds(int count) {
        return new SimulatorOptions(
                seed,
                count,
                jenkinsFaults,
                bitbucketFaults,
                jenkinsUser,
                jenkinsToken,
                bitbucketToken,
                hudsonMode,
                bitbucketLimitCap);
    }

    public SimulatorOptions withSeed(long value) {
        return new SimulatorOptions(
                value,
                builds,
                jenkinsFaults,
                bitbucketFaults,
                jenkinsUser,
                jenkinsToken,
                bitbucketToken,
                hudsonMode,
                bitbucketLimitCap);
    }

    /** The same latency on both servers. */
    public SimulatorOptions withLatency(Duration latency) {
        return withFaults(jenkinsFaults.withLatency(latency), bitbucketFaults.withLatency(latency));
    }

    public SimulatorOptions withFaults(FaultPlan jenkins, FaultPlan bitbucket) {
        return new SimulatorOptions(
                seed,
                builds,
                jenkins,
                bitbucket,
                jenkinsUser,
                jenkinsToken,
                bitbucketToken,
                hudsonMode,
                bitbucketLimitCap);
    }

    public SimulatorOptions withHudsonMode(boolean value) {
        return new SimulatorOptions(
                seed,
                builds,
                jenkinsFaults,
                bitbucketFaults,
                jenkinsUser,
                jenkinsToken,
                bitbucketToken,
                value,
                bitbucketLimitCap);
    }

    public SimulatorOptions withBitbucketLimitCap(int cap) {
        return new SimulatorOptions(
                seed,
                builds,
                jenkinsFaults,
                bitbucketFaults,
                jenkinsUser,
                jenkinsToken,
                bitbucketToken,
                hudsonMode,
                cap);
    }
}
