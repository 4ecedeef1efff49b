package dev.rebuildcauses.harvest.bitbucket;

import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.changes.HarvestException.FailureKind;
import dev.rebuildcauses.harvest.changes.RepositoryUrls;
import java.util.HashMap;
import java.util.Map;

/** Coordinates of a repository: the configured mapping first, else parsed from its clone URL. */
final class RepositoryResolver {
    private final Map<String, RepositoryCoordinates> overrides = new HashMap<>();

    RepositoryResolver(Map<String, RepositoryCoordinates> overrides) {
        overrides.forEach((url, coordinates) -> this.overrides.put(RepositoryUrls.normalize(url), coordinates));
    }

    RepositoryCoordinates coordinates(String repository) throws HarvestException {
        RepositoryCoordinates mapped = overrides.get(RepositoryUrls.normalize(repository));
        if (mapped != null) {
            return mapped;
        }
        try {
            return RepositoryCoordinates.parse(repository);
        } catch (IllegalArgumentException e) {
            throw new HarvestException(FailureKind.BAD_RESPONSE, e.getMessage(), e);
        }
    }
}
