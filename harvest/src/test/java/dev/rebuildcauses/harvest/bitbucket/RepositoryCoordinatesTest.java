package dev.rebuildcauses.harvest.bitbucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RepositoryCoordinatesTest {
    @Test
    void shouldParseBitbucketServerCloneUrls() {
        assertThat(RepositoryCoordinates.parse("https://bitbucket.example.com/scm/PROJ/image-base.git"))
                .isEqualTo(new RepositoryCoordinates("PROJ", "image-base"));
        assertThat(RepositoryCoordinates.parse("https://alice@bitbucket.example.com/bitbucket/scm/~alice/tools.git"))
                .isEqualTo(new RepositoryCoordinates("~alice", "tools"));
        assertThat(RepositoryCoordinates.parse("ssh://git@bitbucket.example.com:7999/proj/image-base.git"))
                .isEqualTo(new RepositoryCoordinates("proj", "image-base"));
        assertThat(RepositoryCoordinates.parse("https://bitbucket.example.com/projects/PROJ/repos/image-base/browse"))
                .isEqualTo(new RepositoryCoordinates("PROJ", "image-base"));
    }

    @Test
    void shouldParseBitbucketCloudCloneUrls() {
        RepositoryCoordinates expected = new RepositoryCoordinates("ws", "repo");

        assertThat(RepositoryCoordinates.parse("https://bitbucket.org/ws/repo")).isEqualTo(expected);
        assertThat(RepositoryCoordinates.parse("https://bitbucket.org/ws/repo.git"))
                .isEqualTo(expected);
        assertThat(RepositoryCoordinates.parse("https://user@bitbucket.org/ws/repo.git"))
                .isEqualTo(expected);
        assertThat(RepositoryCoordinates.parse("git@bitbucket.org:ws/repo.git")).isEqualTo(expected);
        assertThat(RepositoryCoordinates.parse("ssh://git@bitbucket.org/ws/repo.git"))
                .isEqualTo(expected);
    }

    @Test
    void shouldRefuseOtherFormsWithAClearMessageAndNoSecret() {
        assertThatThrownBy(() -> RepositoryCoordinates.parse("file:///srv/git/image-base.git"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("file:///srv/git/image-base.git")
                .hasMessageContaining("changes.repositories");
        assertThatThrownBy(() -> RepositoryCoordinates.parse("https://x-token-auth:t0psecret@host/a/b/c/d.git"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("t0psecret");
        assertThatThrownBy(() -> RepositoryCoordinates.parse("/srv/git/x.git"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
