package dev.rebuildcauses.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8ChunkWriterTest {
    @Test
    void shouldEncodeLikeStringGetBytesAcrossChunksAndSurrogatePairs() throws IOException {
        // Given text longer than a chunk, with a surrogate pair (an emoji) straddling the first chunk end
        StringBuilder text = new StringBuilder();
        text.append("a".repeat(64 * 1024 - 1)).append("\uD83D\uDE00").append("é,ü\r\n");
        text.append("x".repeat(70_000)).append('€');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        // When it is written in pieces of every kind
        try (Utf8ChunkWriter writer = new Utf8ChunkWriter(bytes)) {
            String all = text.toString();
            writer.write(all, 0, 10);
            writer.write(all.substring(10, 64 * 1024));
            writer.write(all.charAt(64 * 1024));
            writer.write(all.toCharArray(), 64 * 1024 + 1, all.length() - 64 * 1024 - 1);
        }

        // Then the file holds exactly the UTF-8 of the text
        assertThat(bytes.toByteArray()).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
