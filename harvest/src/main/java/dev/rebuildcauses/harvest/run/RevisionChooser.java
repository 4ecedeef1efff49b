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

    /**
     * As {@link #choose(List, String)}, knowing the job, whose name may tell its branch; the default
     * ignores the job.
     */
    default Optional<BuiltRevision> choose(List<BuiltRevision> revisions, String repositoryUrl, String jobFullName) {
        return choose(revisions, repositoryUrl);
    }

    /**
     * The Jenkins client's choice: by repository URL, else (knowing the job) the revision on the job's
     * branch, else the first revision with a branch, else the first.
     */
    RevisionChooser BY_URL = new RevisionChooser() {
        @Override
        public Optional<BuiltRevision> choose(List<BuiltRevision> revisions, String repositoryUrl) {
            return Optional.ofNullable(BuiltRevisions.chooseRevision(revisions, repositoryUrl));
        }

        @Override
        public Optional<BuiltRevision> choose(List<BuiltRevision> revisions, String repositoryUrl, String jobFullName) {
            return Optional.ofNullable(BuiltRevisions.chooseRevision(revisions, repositoryUrl, jobFullName));
        }
    };
}
