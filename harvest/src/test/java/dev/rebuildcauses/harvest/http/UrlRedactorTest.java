package dev.rebuildcauses.harvest.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlRedactorTest {
    @Test
    void shouldHideUserInfoOfHttpUrls() {
        assertThat(UrlRedactor.redact("https://x-token-auth:abc123@bitbucket.org/ws/repo.git"))
                .isEqualTo("https://***@bitbucket.org/ws/repo.git");
        assertThat(UrlRedactor.redact("https://abc123@host/scm/p/r.git")).isEqualTo("https://***@host/scm/p/r.git");
    }

    @Test
    void shouldKeepAPlainSshUser() {
        assertThat(UrlRedactor.redact("ssh://git@host:7999/proj/repo.git"))
                .isEqualTo("ssh://git@host:7999/proj/repo.git");
    }

    @Test
    void shouldMaskSecretQueryValuesOnly() {
        assertThat(UrlRedactor.redact("http://h/x?since=a&access_token=abc&until=b&token=def"))
                .isEqualTo("http://h/x?since=a&access_token=***&until=b&token=***");
    }

    @Test
    void shouldShortenLongQueries() {
        String redacted = UrlRedactor.redact("http://h/api/json?tree=" + "a".repeat(500));

        assertThat(redacted)
                .startsWith("http://h/api/json?tree=aaa")
                .endsWith("…")
                .hasSizeLessThan(150);
    }
}
