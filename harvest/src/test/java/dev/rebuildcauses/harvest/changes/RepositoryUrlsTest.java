package dev.rebuildcauses.harvest.changes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepositoryUrlsTest {
    @Test
    void shouldEqualHttpsAndSshFormsOfABitbucketServerRepository() {
        String https = RepositoryUrls.normalize("https://alice@bitbucket.example.com/scm/PROJ/image-base.git");
        String ssh = RepositoryUrls.normalize("ssh://git@bitbucket.example.com:7999/proj/image-base.git");

        assertThat(https).isEqualTo("bitbucket.example.com/proj/image-base").isEqualTo(ssh);
    }

    @Test
    void shouldEqualTheFormsOfABitbucketCloudRepository() {
        assertThat(RepositoryUrls.normalize("git@bitbucket.org:ws/repo.git"))
                .isEqualTo(RepositoryUrls.normalize("https://bitbucket.org/ws/repo/"))
                .isEqualTo(RepositoryUrls.normalize("https://user@bitbucket.org/ws/repo.git"))
                .isEqualTo("bitbucket.org/ws/repo");
    }

    @Test
    void shouldKeepLocalPathsApart() {
        assertThat(RepositoryUrls.normalize("file:///srv/git/a.git")).isEqualTo("/srv/git/a");
        assertThat(RepositoryUrls.normalize("/srv/git/a.git")).isEqualTo("/srv/git/a");
        assertThat(RepositoryUrls.normalize("file:///srv/git/a.git"))
                .isNotEqualTo(RepositoryUrls.normalize("file:///srv/git/b.git"));
    }
}
