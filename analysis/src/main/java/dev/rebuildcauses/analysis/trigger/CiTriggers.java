package dev.rebuildcauses.analysis.trigger;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The triggers of the CI files that build a repository's images at one revision. A push is
 * skipped when every one of them skips it; with no trigger known, nothing is skipped.
 *
 * @param filters one per CI file that builds images on push (unfiltered ones included)
 */
public record CiTriggers(List<PathFilter> filters) {
    public CiTriggers {
        filters = List.copyOf(filters);
    }

    public static final CiTriggers NONE = new CiTriggers(List.of());

    /** True when some trigger filters paths, so that some pushes may be skipped. */
    public boolean filtersPaths() {
        return filters.stream().anyMatch(PathFilter::isFiltered);
    }

    /** When every trigger skips a push changing {@code paths}: which filters do, for the report. */
    public Optional<String> skippedBy(Collection<String> paths) {
        if (filters.isEmpty() || filters.stream().anyMatch(filter -> filter.runsFor(paths))) {
            return Optional.empty();
        }
        return Optional.of(describe());
    }

    /** The filters in place, e.g. {@code .github/workflows/docker.yml: on.push.paths}. */
    public String describe() {
        return filters.stream()
                .filter(PathFilter::isFiltered)
                .map(PathFilter::source)
                .distinct()
                .collect(Collectors.joining("; "));
    }
}
