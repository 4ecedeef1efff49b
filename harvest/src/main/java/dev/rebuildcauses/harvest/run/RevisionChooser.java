package dev.rebuildcauses.harvest.run;

import dev.rebuildcauses.harvest.jenkins.BuiltRevision;
import dev.rebuildcauses.harvest.jenkins.BuiltRevisions;
import java.util.List;
import java.util.Optional;

/** Picks the BuildData a build's range is about, where a build carries several (shared libraries, split Jenkinsfiles). */
@FunctionalInterface
public interface RevisionChooser {
    /**
     * @param revisions the build's BuildData actions
     * @param repositoryUrl the job's repository URL if known, else {@code null}
     */
    Optional<BuiltRevision> choose(List<BuiltRevision> revisions, String repositoryUrl);

    /** The Jenkins client's choice: by repository URL, else the first revision with a branch, else the first. */
    RevisionChooser BY_URL =
            (revisions, repositoryUrl) -> Optional.ofNullable(BuiltRevisions.chooseRevision(revisions, repositoryUrl));
}
