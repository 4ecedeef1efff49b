package dev.rebuildcauses.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.advice.AdviceKind;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdviceCsvWriterTest {

    @Test
    void shouldWriteRfc4180RowsWithTwoDecimalsAndSafeText() throws Exception {
        // Given advice with a multi-line evidence, a formula-like action and one without a saving
        List<Advice> advice = List.of(
                new Advice(
                        "images/app",
                        AdviceKind.BASE_IMAGE,
                        1.23456,
                        "lines 1–3 stable,\n\"quoted\"",
                        "=do it",
                        Map.of()),
                new Advice("images/app", AdviceKind.SKIP_DOCS_AND_CI, null, "3 builds", "filter paths", Map.of()));
        StringWriter out = new StringWriter();

        // When written
        AdviceCsvWriter.write(advice, out);

        // Then the CSV is exactly as RFC 4180 says, with CRLF
        assertThat(out.toString())
                .isEqualTo("job,advice,saving_hours_per_month,evidence,action\r\n"
                        + "images/app,base-image,1.23,\"lines 1–3 stable,\n\"\"quoted\"\"\",'=do it\r\n"
                        + "images/app,skip-docs-and-ci,,3 builds,filter paths\r\n");
    }

    @Test
    void shouldWriteTheFileInUtf8(@TempDir Path out) throws Exception {
        Path file = AdviceCsvWriter.write(
                List.of(new Advice("jöb", AdviceKind.FAST_PATH_WHAT_IF, 0.005, "e", "a", Map.of())), out);

        assertThat(file).isEqualTo(out.resolve("advice.csv"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).endsWith("jöb,fast-path-what-if,0.01,e,a\r\n");
    }
}
