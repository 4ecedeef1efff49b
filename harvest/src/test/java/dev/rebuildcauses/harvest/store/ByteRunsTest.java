package dev.rebuildcauses.harvest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteRunsTest {
    @Test
    void shouldGiveBackEveryTextAppendedAlsoAcrossChunks() {
        // Given texts of many lengths, several megabytes in all, some longer than a chunk
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            texts.add("commit ✓ ü " + "x".repeat(i * 7 % 4_000));
        }
        texts.add("");
        texts.add("y".repeat(3 * (1 << ByteRuns.CHUNK_BITS) + 5));
        texts.add("last ✓");

        // When appended one after the other and sealed
        ByteRuns runs = new ByteRuns();
        int[] starts = new int[texts.size() + 1];
        for (int i = 0; i < texts.size(); i++) {
            starts[i] = runs.append(texts.get(i).getBytes(StandardCharsets.UTF_8));
        }
        starts[texts.size()] = runs.size();
        runs.seal();

        // Then each comes back from its offsets, a character split between two chunks too
        for (int i = 0; i < texts.size(); i++) {
            assertThat(runs.utf8(starts[i], starts[i + 1])).as("text %d", i).isEqualTo(texts.get(i));
        }
        assertThat(runs.size()).isGreaterThan(4 << ByteRuns.CHUNK_BITS);
    }

    @Test
    void shouldKeepFewBytesInOneSmallChunk() {
        // Given a few short texts
        ByteRuns runs = new ByteRuns();
        int a = runs.append("ab".getBytes(StandardCharsets.UTF_8));
        int b = runs.append("ü".getBytes(StandardCharsets.UTF_8));

        // When sealed
        runs.seal();

        // Then they come back, and nothing was empty
        assertThat(runs.utf8(a, b)).isEqualTo("ab");
        assertThat(runs.utf8(b, runs.size())).isEqualTo("ü");
        assertThat(runs.utf8(b, b)).isEmpty();
    }
}
