package dev.rebuildcauses.harvest.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobGlobTest {
    @Test
    void shouldKeepASingleStarWithinOneLevel() {
        JobGlob glob = JobGlob.of("images/*");

        assertThat(glob.matches("images/base")).isTrue();
        assertThat(glob.matches("images/app/main")).isFalse();
        assertThat(glob.matches("other/base")).isFalse();
    }

    @Test
    void shouldLetADoubleStarCrossLevels() {
        assertThat(JobGlob.of("images/**").matches("images/app/feature/x")).isTrue();
        assertThat(JobGlob.of("**").matches("a/b/c")).isTrue();
        assertThat(JobGlob.of("**/main").matches("main")).isTrue();
        assertThat(JobGlob.of("**/main").matches("org/repo/main")).isTrue();
        assertThat(JobGlob.of("**/main").matches("org/repo/main2")).isFalse();
    }

    @Test
    void shouldTreatRegexCharactersLiterally() {
        assertThat(JobGlob.of("a.b+(c)").matches("a.b+(c)")).isTrue();
        assertThat(JobGlob.of("a.b").matches("axb")).isFalse();
    }

    @Test
    void shouldSelectByIncludesThenExcludes() {
        List<JobGlob> include = List.of(JobGlob.of("images/**"));
        List<JobGlob> exclude = List.of(JobGlob.of("images/legacy-*"));

        assertThat(JobGlob.selects(include, exclude, "images/base")).isTrue();
        assertThat(JobGlob.selects(include, exclude, "images/legacy-java")).isFalse();
        assertThat(JobGlob.selects(include, exclude, "tools/x")).isFalse();
        assertThat(JobGlob.selects(List.of(), List.of(), "anything")).isTrue();
    }
}
