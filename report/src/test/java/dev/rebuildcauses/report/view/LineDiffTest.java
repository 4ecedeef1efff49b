package dev.rebuildcauses.report.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {
    @Test
    void shouldKeepCommonLinesAndMarkWhatWasRemovedAndAdded() {
        // Given a Dockerfile whose FROM changed and a line was added
        String before = "FROM python:3.11\nRUN pip install x\nCOPY . /app\n";
        String after = "FROM base:latest\nRUN pip install x\nCOPY . /app\nCMD [\"run\"]\n";

        // When
        List<DiffLine> diff = LineDiff.of(before, after);

        // Then
        assertThat(diff)
                .containsExactly(
                        new DiffLine('-', "FROM python:3.11"),
                        new DiffLine('+', "FROM base:latest"),
                        new DiffLine(' ', "RUN pip install x"),
                        new DiffLine(' ', "COPY . /app"),
                        new DiffLine('+', "CMD [\"run\"]"));
    }

    @Test
    void shouldShowEveryLineAddedWhenThereIsNothingToCompareWith() {
        assertThat(LineDiff.of("", "a\nb")).containsExactly(new DiffLine('+', "a"), new DiffLine('+', "b"));
        assertThat(LineDiff.of(null, "")).isEmpty();
    }

    @Test
    void shouldTreatWindowsLineEndsLikeUnixOnes() {
        assertThat(LineDiff.of("a\r\nb\r\n", "a\nb\n"))
                .extracting(DiffLine::kind)
                .containsOnly(' ');
    }
}
