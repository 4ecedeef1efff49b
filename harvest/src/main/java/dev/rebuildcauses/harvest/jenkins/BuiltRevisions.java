package dev.rebuildcauses.harvest.jenkins;

import dev.rebuildcauses.harvest.changes.RepositoryUrls;
import java.util.List;

/** Picks the revision a build built for its own repository when it checked out several. */
public final class BuiltRevisions {
    private BuiltRevisions() {}

    /**
     * The revision whose remote URL is the repository (compared by {@link RepositoryUrls#normalize});
     * if none matches or no URL is known (Hudson), the first with a branch (shared libraries and
     * Jenkinsfile checkouts usually come without), else the first.
     *
     * @return {@code null} when the build has no revision at all
     */
    public static BuiltRevision chooseRevision(List<BuiltRevision> revisions, String repositoryUrl) {
        if (revisions.isEmpty()) {
            return null;
        }
        if (repositoryUrl != null && !repositoryUrl.isBlank()) {
            String wanted = RepositoryUrls.normalize(repositoryUrl);
            for (BuiltRevision revision : revisions) {
                if (revision.remoteUrls().stream()
                        .map(RepositoryUrls::normalize)
                        .anyMatch(wanted::equals)) {
                    return revision;
                }
            }
        }
        return revisions.stream().filter(r -> !r.branch().isEmpty()).findFirst().orElse(revisions.get(0));
    }
}
