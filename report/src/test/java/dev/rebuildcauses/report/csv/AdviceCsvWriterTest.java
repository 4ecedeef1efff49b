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
        // Given advice with a multi-line evidence, a formula-like action and one without hours (so ranked by builds)
        List<Advice> advice = List.of(
                new Advice(
                        "images/app",
                        AdviceKind.BASE_IMAGE,
                        1.23456,
                        "lines 1–3 stable,\n\"quoted\"",
                        "=do it",
                        Map.of(),
                        2.0),
                new Advice("images/app", AdviceKind.SKIP_DOCS_AND_CI, null, "3 builds", "filter paths", Map.of(), 3.0));
        StringWriter out = new StringWriter();

        // When written
        AdviceCsvWriter.write(advice, out);

        // Then the CSV is exactly as RFC 4180 says, with CRLF
        assertThat(out.toString())
                .isEqualTo("job,advice,saving_hours_per_month,evidence,action,saving_builds_per_month,rank\r\n"
                        + "images/app,base-image,1.23,\"lines 1–3 stable,\n\"\"quoted\"\"\",'=do it,2.0,2\r\n"
                        + "images/app,skip-docs-and-ci,,3 builds,filter paths,3.0,1\r\n");
    }

    @Test
    void shouldWriteTheFileInUtf8(@TempDir Path out) throws Exception {
        Path file = AdviceCsvWriter.write(
                List.of(new Advice("jöb", AdviceKind.FAST_PATH_WHAT_IF, 0.005, "e", "a", Map.of())), out);

        assertThat(file).isEqualTo(out.resolve("advice.csv"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).endsWith("jöb,fast-path-what-if,0.01,e,a,,1\r\n");
    }

    @Test
    void shouldKeepAdviceThatRoundsToZeroWithItsFigureButNoRank() throws Exception {
        StringWriter out = new StringWriter();

        AdviceCsvWriter.write(
                List.of(
                        new Advice("j", AdviceKind.FAST_PATH_WHAT_IF, 0.004, "e", "a", Map.of(), 0.02),
                        new Advice("j", AdviceKind.SKIP_DOCS_AND_CI, 3.0, "e", "a", Map.of(), 12.25)),
                out);

        assertThat(out.toString())
                .contains("j,fast-path-what-if,0.00,e,a,0.0,\r\n")
                .contains("j,skip-docs-and-ci,3.00,e,a,12.3,1\r\n");
    }
}
