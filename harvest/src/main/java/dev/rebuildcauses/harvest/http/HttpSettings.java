package dev.rebuildcauses.harvest.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How one remote is talked to: timeouts, retries, concurrency and request budget.
 *
 * @param connectTimeout time to open a connection
 * @param readTimeout longest silence while reading an answer
 * @param maxAttempts attempts per GET, including the first (1 disables retries)
 * @param baseDelay first backoff step; each retry doubles it, with full jitter
 * @param maxDelay cap on one backoff and on a server's {@code Retry-After}
 * @param maxConcurrentRequests requests in flight at once against this remote
 * @param requestsPerHour budget over a rolling hour, {@code 0} for none (Bitbucket Cloud allows 1,000)
 * @param maxBudgetWait longest wait for the budget to free before failing with {@code SERVER_ERROR}
 */
public record HttpSettings(
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Duration baseDelay,
        Duration maxDelay,
        int maxConcurrentRequests,
        int requestsPerHour,
        Duration maxBudgetWait) {
    public HttpSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxBudgetWait, "maxBudgetWait");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (maxConcurrentRequests < 1) {
            throw new IllegalArgumentException(
                    "maxConcurrentRequests must be at least 1, was " + maxConcurrentRequests);
        }
        if (requestsPerHour < 0) {
            throw new IllegalArgumentException("requestsPerHour must not be negative, was " + requestsPerHour);
        }
    }

    /** Connect 10 s, read 30 s, 5 attempts from 500 ms up to 60 s, 4 at once, no budget. */
    public static HttpSettings defaults() {
        return new HttpSettings(
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                5,
                Duration.ofMillis(500),
                Duration.ofSeconds(60),
                4,
                0,
                Duration.ofHours(1));
    }

    /** The defaults with Bitbucket Cloud's budget of 1,000 requests per rolling hour. */
    public static HttpSettings bitbucketCloudDefaults() {
        return defaults().withRequestsPerHour(1000);
    }

    public HttpSettings withTimeouts(Duration connect, Duration read) {
        return new HttpSettings(
                connect, read, maxAttempts, baseDelay, maxDelay, maxConcurrentRequests, requestsPerHour, maxBudgetWait);
    }

    public HttpSettings withRetries(int attempts, Duration base, Duration max) {
        return new HttpSettings(
                connectTimeout,
                readTimeout,
                attempts,
                base,
                max,
                maxConcurrentRequests,
                requestsPerHour,
                maxBudgetWait);
    }

    public HttpSettings withMaxConcurrentRequests(int requests) {
        return new HttpSettings(
                connectTimeout,
                readTimeout,
                maxAttempts,
                baseDelay,
                maxDelay,
                requests,
                requestsPerHour,
                maxBudgetWait);
    }

    public HttpSettings withRequestsPerHour(int requests) {
        return new HttpSettings(
                connectTimeout,
                readTimeout,
                maxAttempts,
                baseDelay,
                maxDelay,
                maxConcurrentRequests,
                requests,
                maxBudgetWait);
    }

    public HttpSettings withMaxBudgetWait(Duration wait) {
        return new HttpSettings(
                connectTimeout,
                readTimeout,
                maxAttempts,
                baseDelay,
                maxDelay,
                maxConcurrentRequests,
                requestsPerHour,
                wait);
    }
}
