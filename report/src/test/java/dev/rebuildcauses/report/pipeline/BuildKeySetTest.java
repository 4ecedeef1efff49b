package dev.rebuildcauses.report.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.model.Build;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BuildKeySetTest {
    private static Build build(String job, long number) {
        return new Build(job, number, Instant.EPOCH, null, "", "", null, "");
    }

    @Test
    void shouldTellBuildsAddedByJobAndNumberWhateverTheNumber() {
        // Given
        BuildKeySet set = new BuildKeySet();

        // When
        set.add(build("a", 7));
        set.add(build("b", 3_000_000_000L));
        set.add(build("b", -2));

        // Then
        assertThat(set.contains(build("a", 7))).isTrue();
        assertThat(set.contains(build("b", 7))).isFalse();
        assertThat(set.contains(build("a", 8))).isFalse();
        assertThat(set.contains(build("b", 3_000_000_000L))).isTrue();
        assertThat(set.contains(build("a", 3_000_000_000L))).isFalse();
        assertThat(set.contains(build("b", -2))).isTrue();
        assertThat(set.contains(build("c", 0))).isFalse();
    }
}
