package dev.rebuildcauses.report.pages;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the page of one build reads that build's change range (commits and files), which an index does
 * not keep: the store (one indexed query), or whatever produced the builds.
 */
@FunctionalInterface
public interface BuildRanges {
    /** The range of {@code build}; empty when the source no longer holds it. */
    Optional<ChangeRange> range(Build build) throws BuildRangeException;

    /** Every range of {@code builds}, kept in memory: for small reports and hosts without a store. */
    static BuildRanges inMemory(List<ClassifiedBuild> builds) {
        Map<String, Map<Long, ChangeRange>> byJob = new HashMap<>();
        for (ClassifiedBuild build : builds) {
            byJob.computeIfAbsent(build.build().job(), job -> new HashMap<>())
                    .put(build.build().number(), build.range());
        }
        return build ->
                Optional.ofNullable(byJob.getOrDefault(build.job(), Map.of()).get(build.number()));
    }
}
