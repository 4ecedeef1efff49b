package dev.rebuildcauses.simulator.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * Latency and faults to inject, deterministic by seed: each distinct request (method, path and
 * query) draws its fault from the seed and its attempt number, and only its first
 * {@code maxFaultsPerRequest} attempts can fail, so a client that retries always gets through.
 *
 * @param latency added before every answer
 * @param tooManyRequests share of attempts answered 429
 * @param retryAfterShare share of those 429s that carry {@code Retry-After: 1}
 * @param serverErrors share of attempts answered 500
 * @param truncated share of attempts whose body stops half way (the connection is closed)
 * @param slow share of attempts whose body trickles out over {@code slowBody}
 * @param slowBody how long a slow body takes
 * @param maxFaultsPerRequest attempts of one request that may fail
 * @param goneCommits commit ids the Bitbucket server answers 404 for (as after a force-push)
 * @param seed the seed of the draws
 */
public record FaultPlan(
        Duration latency,
        double tooManyRequests,
        double retryAfterShare,
        double serverErrors,
        double truncated,
        double slow,
        Duration slowBody,
        int maxFaultsPerRequest,
        Set<String> goneCommits,
        long seed) {
    public FaultPlan {
        goneCommits = Set.copyOf(goneCommits);
    }

    /** What happens to one attempt. */
    public enum Fault {
        NONE,
        TOO_MANY_REQUESTS,
        TOO_MANY_REQUESTS_RETRY_AFTER,
        SERVER_ERROR,
        TRUNCATED,
        SLOW
    }

    /** No latency, no faults. */
    public static FaultPlan none() {
        return new FaultPlan(Duration.ZERO, 0, 0, 0, 0, 0, Duration.ZERO, 0, Set.of(), 1);
    }

    /** Only a fixed latency per request. */
    public static FaultPlan latency(Duration latency) {
        return none().withLatency(latency);
    }

    public FaultPlan withLatency(Duration value) {
        return new FaultPlan(
                value,
                tooManyRequests,
                retryAfterShare,
                serverErrors,
                truncated,
                slow,
                slowBody,
                maxFaultsPerRequest,
                goneCommits,
                seed);
    }

    /** Faults drawn with these shares, at most two failed attempts per request. */
    public FaultPlan withFaults(
            double tooMany,
            double retryAfter,
            double errors,
            double truncatedBodies,
            double slowBodies,
            long drawSeed) {
        return new FaultPlan(
                latency,
                tooMany,
                retryAfter,
                errors,
                truncatedBodies,
                slowBodies,
                Duration.ofMillis(300),
                2,
                goneCommits,
                drawSeed);
    }

    public FaultPlan withGoneCommits(Set<String> ids) {
        return new FaultPlan(
                latency,
                tooManyRequests,
                retryAfterShare,
                serverErrors,
                truncated,
                slow,
                slowBody,
                maxFaultsPerRequest,
                ids,
                seed);
    }

    /** The fault of the given attempt (0 for the first) of a request. */
    public Fault draw(String request, int attempt) {
        if (attempt >= maxFaultsPerRequest) {
            return Fault.NONE;
        }
        double dice = uniform(request + "#" + attempt);
        if ((dice -= tooManyRequests) < 0) {
            return uniform(request + "#" + attempt + "#retry-after") < retryAfterShare
                    ? Fault.TOO_MANY_REQUESTS_RETRY_AFTER
                    : Fault.TOO_MANY_REQUESTS;
        }
        if ((dice -= serverErrors) < 0) {
            return Fault.SERVER_ERROR;
        }
        if ((dice -= truncated) < 0) {
            return Fault.TRUNCATED;
        }
        if ((dice -= slow) < 0) {
            return Fault.SLOW;
        }
        return Fault.NONE;
    }

    private double uniform(String key) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }
}
