package dev.rebuildcauses.harvest.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltRevisionsTest {
    private final BuiltRevision library =
            new BuiltRevision("1111", "", List.of("https://bitbucket.example.com/scm/CI/pipeline-library.git"));
    private final BuiltRevision own =
            new BuiltRevision("2222", "origin/main", List.of("ssh://git@bitbucket.example.com:7999/img/base.git"));
    private final BuiltRevision jenkinsfiles =
            new BuiltRevision("3333", "master", List.of("https://bitbucket.example.com/scm/CI/jenkinsfiles.git"));

    @Test
    void shouldChooseByRepositoryUrlAcrossHttpsAndSshForms() {
        BuiltRevision chosen = BuiltRevisions.chooseRevision(
                List.of(library, jenkinsfiles, own), "https://bitbucket.example.com/scm/IMG/base.git");

        assertThat(chosen).isEqualTo(own);
    }

    @Test
    void shouldPreferARevisionWithABranchWhenNoUrlMatches() {
        assertThat(BuiltRevisions.chooseRevision(List.of(library, own), "https://elsewhere/x.git"))
                .isEqualTo(own);
        assertThat(BuiltRevisions.chooseRevision(List.of(library, own), null)).isEqualTo(own);
    }

    @Test
    void shouldFallBackToTheFirstAndToNullForNone() {
        BuiltRevision hudson = new BuiltRevision("4444", "", List.of());

        assertThat(BuiltRevisions.chooseRevision(List.of(hudson, library), "")).isEqualTo(hudson);
        assertThat(BuiltRevisions.chooseRevision(List.of(), "x")).isNull();
    }

    private static final String LIBRARY_URL = "https://bitbucket.example.com/scm/CI/jenkins-shared-lib.git";
    private static final String WEBAPP_URL = "https://bitbucket.example.com/scm/SVC/webapp.git";

    @Test
    void shouldPreferTheRevisionOnAMultibranchJobsOwnBranchWhateverTheOrder() {
        // Given a shared library on master and the job's own checkout of feature/x, in either order
        BuiltRevision sharedLibrary = new BuiltRevision("aaaa", "master", List.of(LIBRARY_URL));
        BuiltRevision feature = new BuiltRevision("bbbb", "feature/x", List.of(WEBAPP_URL));

        // When chosen without a repository URL, for the branch job as Jenkins names it or decoded
        // Then the job's own revision wins
        assertThat(BuiltRevisions.chooseRevision(List.of(sharedLibrary, feature), null, "svc/webapp/feature%2Fx"))
                .isEqualTo(feature);
        assertThat(BuiltRevisions.chooseRevision(List.of(feature, sharedLibrary), null, "svc/webapp/feature/x"))
                .isEqualTo(feature);
        // and a URL that matches nothing does not bring the library back
        assertThat(BuiltRevisions.chooseRevision(
                        List.of(sharedLibrary, feature), "https://elsewhere/x.git", "svc/webapp/feature%2Fx"))
                .isEqualTo(feature);
    }

    @Test
    void shouldMatchTheJobsBranchWithOrWithoutRemoteAndRefsPrefix() {
        BuiltRevision sharedLibrary = new BuiltRevision("aaaa", "master", List.of(LIBRARY_URL));
        for (String branch : List.of("origin/feature/x", "refs/heads/feature/x", "refs/remotes/origin/feature/x")) {
            BuiltRevision feature = new BuiltRevision("bbbb", branch, List.of(WEBAPP_URL));

            assertThat(BuiltRevisions.onJobBranch(List.of(feature, sharedLibrary), "svc/webapp/feature%2Fx"))
                    .as(branch)
                    .contains(feature);
        }
        // a branch that only ends like the job does not match: "x" is not "feature/x"'s job "svc/x"
        BuiltRevision other = new BuiltRevision("cccc", "origin/feature/x", List.of(WEBAPP_URL));
        assertThat(BuiltRevisions.onJobBranch(List.of(other), "svc/x")).isEmpty();
        assertThat(BuiltRevisions.onJobBranch(List.of(sharedLibrary), "svc/webapp/main"))
                .isEmpty();
    }

    @Test
    void shouldTakeTheLastWhenTheLibraryAndTheJobAreOnTheSameBranch() {
        // Given the job's master branch and a library also on master: the library loads first
        BuiltRevision sharedLibrary = new BuiltRevision("aaaa", "master", List.of(LIBRARY_URL));
        BuiltRevision master = new BuiltRevision("bbbb", "master", List.of(WEBAPP_URL));

        assertThat(BuiltRevisions.onJobBranch(List.of(sharedLibrary, master), "svc/webapp/master"))
                .contains(master);
    }

    @Test
    void shouldFallBackAsBeforeWhenNoBranchNamesTheJob() {
        assertThat(BuiltRevisions.chooseRevision(List.of(library, own), null, "images/base/build"))
                .isEqualTo(own);
        assertThat(BuiltRevisions.chooseRevision(List.of(), null, "images/base/build"))
                .isNull();
    }
}
