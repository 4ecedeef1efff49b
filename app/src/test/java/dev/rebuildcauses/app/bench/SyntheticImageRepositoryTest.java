package dev.rebuildcauses.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SyntheticImageRepositoryTest {
    private static final Pattern RENAME = Pattern.compile("^R \"([^\"]+)\" \"([^\"]+)\"$", Pattern.MULTILINE);

    @Test
    void shouldKeepOneVersionSuffixWhenAFileIsRenamedAgain() throws IOException {
        // Given: a history long enough that files are renamed several times
        ByteArrayOutputStream stream = new ByteArrayOutputStream();

        // When
        new SyntheticImageRepository(stream, 42).write(30_000);

        // Then
        Matcher renames = RENAME.matcher(stream.toString(StandardCharsets.UTF_8));
        List<String> renamed = renames.results().map(r -> r.group(2)).toList();
        long again =
                renames.reset().results().filter(r -> r.group(1).contains("_v")).count();
        assertThat(again).as("files renamed more than once").isPositive();
        assertThat(renamed).allSatisfy(path -> assertThat(path).matches("[^_]+(_[^_v][^_]*)*_v\\d+\\.py"));
    }
}
