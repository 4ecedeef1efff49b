package dev.rebuildcauses.app;

import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The advisor's assumptions as command-line options, shared by the commands that advise ({@code @Mixin}). */
public final class AdvisorOptions {
    @Option(
            names = "--stable-weeks",
            defaultValue = "8",
            paramLabel = "N",
            description =
                    "Weeks a Dockerfile instruction must be unchanged to go into the proposed base image (default: ${DEFAULT-VALUE}).")
    int stableWeeks;

    @Option(
            names = "--fast-path-cost",
            paramLabel = "FRACTION",
            description =
                    "Cost of a fast-path build as a fraction of a median build, 0..1 (default: estimated per job from its"
                            + " shortest builds without environment or dependency changes).")
    Double fastPathCost;

    @Option(
            names = "--base-image",
            paramLabel = "NAME",
            description = "Image the proposed Dockerfile starts FROM (default: <job>-base:latest).")
    String baseImage;

    @Option(
            names = "--refresh-days",
            defaultValue = "7",
            paramLabel = "DAYS",
            description =
                    "Interval of the scheduled base-image rebuild that replaces empty commits (default: ${DEFAULT-VALUE}).")
    int refreshDays;

    /** The settings these options describe; throws IllegalArgumentException for values out of range. */
    public AdvisorSettings settings() {
        if (stableWeeks < 1) {
            throw new IllegalArgumentException("--stable-weeks must be at least 1, got " + stableWeeks);
        }
        if (refreshDays < 1) {
            throw new IllegalArgumentException("--refresh-days must be at least 1, got " + refreshDays);
        }
        if (fastPathCost != null && (fastPathCost < 0 || fastPathCost > 1)) {
            throw new IllegalArgumentException("--fast-path-cost must be between 0 and 1, got " + fastPathCost);
        }
        return AdvisorSettings.defaults()
                .withStableFor(Duration.ofDays(7L * stableWeeks))
                .withFastPathCostFraction(fastPathCost)
                .withBaseImageName(baseImage)
                .withRefreshInterval(Duration.ofDays(refreshDays));
    }
}
