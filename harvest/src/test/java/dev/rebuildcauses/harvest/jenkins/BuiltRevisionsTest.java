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
}
