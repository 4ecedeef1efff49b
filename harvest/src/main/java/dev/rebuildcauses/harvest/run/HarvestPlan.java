package dev.rebuildcauses.harvest.run;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What to harvest and how to find each job's repository.
 *
 * @param include job full-name globs to harvest
 * @param exclude job full-name globs to skip
 * @param repositoryFor the repository the config maps a job to (local clone or clone URL), if any
 * @param batchSize builds written per transaction
 */
public record HarvestPlan(
        List<String> include, List<String> exclude, Function<String, Optional<String>> repositoryFor, int batchSize) {
    public HarvestPlan {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
    }

    /** Every job, no mapped repositories, batches of 50. */
    public static HarvestPlan everything() {
        return new HarvestPlan(List.of("**"), List.of(), job -> Optional.empty(), 50);
    }

    public HarvestPlan withRepositories(Function<String, Optional<String>> mapping) {
        return new HarvestPlan(include, exclude, mapping, batchSize);
    }

    public HarvestPlan withBatchSize(int size) {
        return new HarvestPlan(include, exclude, repositoryFor, size);
    }
}
