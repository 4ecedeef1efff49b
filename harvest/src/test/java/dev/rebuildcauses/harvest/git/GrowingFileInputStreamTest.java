package dev.rebuildcauses.harvest.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GrowingFileInputStreamTest {
    @TempDir
    Path temp;

    @Test
    void shouldReadWhatTheWriterAddsAfterAPauseUntilItExits() throws Exception {
        // Given a writer that pauses between its two halves
        Path file = temp.resolve("out.log");
        Process writer = new ProcessBuilder(List.of("sh", "-c", "printf 'first '; sleep 0.4; printf 'second'"))
                .redirectOutput(file.toFile())
                .start();

        // When
        String read;
        try (InputStream in = new GrowingFileInputStream(file, writer)) {
            read = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        // Then: the end of the file before the pause was not taken for the end of the output
        assertThat(read).isEqualTo("first second");
        assertThat(writer.isAlive()).isFalse();
    }

    @Test
    void shouldEndAtOnceWhenTheWriterHasExited() throws Exception {
        // Given
        Path file = temp.resolve("done.log");
        Process writer = new ProcessBuilder(List.of("sh", "-c", "printf done"))
                .redirectOutput(file.toFile())
                .start();
        writer.waitFor();

        // When / Then
        try (InputStream in = new GrowingFileInputStream(file, writer)) {
            assertThat(in.read()).isEqualTo('d');
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("one");
            assertThat(in.read()).isEqualTo(-1);
        }
    }
}
