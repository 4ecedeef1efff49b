package dev.rebuildcauses.analysis.advice;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the advisor assumes; every estimate names the setting it rests on so users can override it.
 *
 * @param stableFor how long a Dockerfile instruction must be unchanged to go into a base image (default 8 weeks)
 * @param fastPathCostFraction the cost of a fast-path build as a fraction of a median build; {@code null} to
 *     estimate it from the job's own builds
 * @param baseImageName the image the proposed Dockerfile starts {@code FROM}; {@code null} for {@code <job>-base:latest}
 * @param asOf when stability is judged; {@code null} for the job's last build (or the Dockerfile's last revision)
 * @param refreshInterval how often the scheduled base-image rebuild that replaces empty commits runs (default weekly)
 */
public record AdvisorSettings(
        Duration stableFor, Double fastPathCostFraction, String baseImageName, Instant asOf, Duration refreshInterval) {
    public AdvisorSettings {
        Objects.requireNonNull(stableFor, "stableFor");
        Objects.requireNonNull(refreshInterval, "refreshInterval");
        if (fastPathCostFraction != null && (fastPathCostFraction < 0 || fastPathCostFraction > 1)) {
            throw new IllegalArgumentException(
                    "fast-path cost must be a fraction between 0 and 1, got " + fastPathCostFraction);
        }
    }

    public static AdvisorSettings defaults() {
        return new AdvisorSettings(Duration.ofDays(56), null, null, null, Duration.ofDays(7));
    }

    public AdvisorSettings withStableFor(Duration value) {
        return new AdvisorSettings(value, fastPathCostFraction, baseImageName, asOf, refreshInterval);
    }

    public AdvisorSettings withFastPathCostFraction(Double value) {
        return new AdvisorSettings(stableFor, value, baseImageName, asOf, refreshInterval);
    }

    public AdvisorSettings withBaseImageName(String value) {
        return new AdvisorSettings(stableFor, fastPathCostFraction, value, asOf, refreshInterval);
    }

    public AdvisorSettings withAsOf(Instant value) {
        return new AdvisorSettings(stableFor, fastPathCostFraction, baseImageName, value, refreshInterval);
    }

    public AdvisorSettings withRefreshInterval(Duration value) {
        return new AdvisorSettings(stableFor, fastPathCostFraction, baseImageName, asOf, value);
    }
}
