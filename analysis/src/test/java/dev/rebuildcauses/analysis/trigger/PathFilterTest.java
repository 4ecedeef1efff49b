package dev.rebuildcauses.analysis.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathFilterTest {
    @Test
    void shouldMatchGlobsAnchoredAtTheRoot() {
        assertThat(PathFilter.matches("images/**", "images/a/b/Dockerfile")).isTrue();
        assertThat(PathFilter.matches("**/*.md", "README.md")).isTrue();
        assertThat(PathFilter.matches("**/*.md", "docs/a/b.md")).isTrue();
        assertThat(PathFilter.matches("*.md", "docs/b.md")).isFalse();
        assertThat(PathFilter.matches("docs/", "docs/x/y.png")).isTrue();
        assertThat(PathFilter.matches("./Makefile", "Makefile")).isTrue();
        assertThat(PathFilter.matches("images/*/Dockerfile", "images/a/b/Dockerfile"))
                .isFalse();
        assertThat(PathFilter.matches("a.b", "axb")).isFalse();
    }
}
