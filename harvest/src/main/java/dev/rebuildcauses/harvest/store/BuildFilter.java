package dev.rebuildcauses.harvest.store;

import dev.rebuildcauses.harvest.model.JobGlob;
import java.time.Instant;

/**
 * Which stored builds a report reads.
 *
 * @param since first start time included, or {@code null}
 * @param until start times before this are included, or {@code null}
 * @param jobGlob job full-name glob ({@code *} within a folder, {@code **} across folders), or {@code null}
 */
public record BuildFilter(Instant since, Instant until, String jobGlob) {
    /** Every finished build. */
    public static BuildFilter all() {
        return new BuildFilter(null, null, null);
    }

    boolean matchesJob(String job) {
        return jobGlob == null || JobGlob.of(jobGlob).matches(job);
    }
}
