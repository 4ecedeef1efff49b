package dev.rebuildcauses.report.pipeline;

import dev.rebuildcauses.analysis.model.Build;

/** A build's identity: its job and number. */
public record BuildKey(String job, long number) {
    public static BuildKey of(Build build) {
        return new BuildKey(build.job(), build.number());
    }
}
