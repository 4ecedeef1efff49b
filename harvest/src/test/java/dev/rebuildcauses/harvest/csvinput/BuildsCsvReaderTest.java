package dev.rebuildcauses.harvest.csvinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebuildcauses.analysis.model.Build;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BuildsCsvReaderTest {
    private static final String HEADER = "job,build,started_at,duration_s,result,revision\n";

    @TempDir
    Path temp;

    @Test
    void shouldReadBuildsWithColumnsInAnyOrderIgnoringExtraOnes() throws Exception {
        // Given a file with a BOM, shuffled columns, an extra column and the optional trigger and branch
        Path file = write("\uFEFFrevision,Job,extra,build,result,started_at,duration_s,trigger,branch\r\n"
                + "abc123,images/base,x,12,SUCCESS,2026-01-05T10:00:00Z,90.5,push,main\r\n"
                + "def456,images/base,y,13,FAILURE,1767607200000,,timer,main\r\n");

        // When
        List<Build> builds = BuildsCsvReader.read(file);

        // Then
        assertThat(builds)
                .containsExactly(
                        new Build(
                                "images/base",
                                12,
                                Instant.parse("2026-01-05T10:00:00Z"),
                                Duration.ofMillis(90_500),
                                "SUCCESS",
                                "push",
                                "abc123",
                                "main"),
                        new Build(
                                "images/base",
                                13,
                                Instant.parse("2026-01-05T10:00:00Z"),
                                null,
                                "FAILURE",
                                "timer",
                                "def456",
                                "main"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2026-01-05T10:00:00Z|2026-01-05T10:00:00Z",
                "2026-01-05T12:00:00+02:00|2026-01-05T10:00:00Z",
                "2026-01-05T10:00:00.250Z|2026-01-05T10:00:00.250Z",
                "2026-01-05T10:00:00|2026-01-05T10:00:00Z",
                "2026-01-05 10:00:00|2026-01-05T10:00:00Z",
                "1767607200000|2026-01-05T10:00:00Z",
                "0|1970-01-01T00:00:00Z"
            })
    void shouldReadStartTimesAsIsoOrEpochMilliseconds(String startedAt, String expected) throws Exception {
        List<Build> builds = BuildsCsvReader.read("b.csv", HEADER + "j,1," + startedAt + ",60,SUCCESS,abc\n");

        assertThat(builds.get(0).startedAt()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void shouldTreatAnEmptyRevisionAsNone() throws Exception {
        List<Build> builds = BuildsCsvReader.read("b.csv", HEADER + "j,1,2026-01-05T10:00:00Z,60,,\n");

        assertThat(builds.get(0).revision()).isNull();
        assertThat(builds.get(0).result()).isEmpty();
        assertThat(builds.get(0).trigger()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "j,7,yesterday,60,SUCCESS,abc|builds.csv:5: started_at 'yesterday' is neither ISO-8601 nor epoch milliseconds",
                "j,x7,2026-01-05T10:00:00Z,60,SUCCESS,abc|builds.csv:5: build 'x7' is not a build number",
                "j,7,2026-01-05T10:00:00Z,-5,SUCCESS,abc|builds.csv:5: duration_s '-5' is not a number of seconds",
                "j,7,2026-01-05T10:00:00Z,5 min,SUCCESS,abc|builds.csv:5: duration_s '5 min' is not a number of seconds",
                ",7,2026-01-05T10:00:00Z,5,SUCCESS,abc|builds.csv:5: job is empty",
                "j,7,2026-01-05T10:00:00Z|builds.csv:5: has 3 values but the header has 6",
                "j,1,2026-01-05T10:00:00Z,60,SUCCESS,abc|builds.csv:5: build j #1 is listed twice (first on line 2)"
            })
    void shouldNameTheLineAndTheProblem(String badRow, String message) throws IOException {
        // Given a good row, a row with a quoted newline, then the bad row on line 5
        Path file = temp.resolve("builds.csv");
        Files.writeString(
                file,
                HEADER + "j,1,2026-01-05T10:00:00Z,60,SUCCESS,abc\n"
                        + "\"k\nl\",2,2026-01-05T10:00:00Z,60,SUCCESS,abc\n" + badRow + "\n");

        assertThatThrownBy(() -> BuildsCsvReader.read("builds.csv", Files.readString(file)))
                .isInstanceOf(BuildsFileException.class)
                .hasMessage(message);
    }

    @Test
    void shouldSkipBlankLinesButCountThem() throws IOException {
        Path file = write(HEADER + "\n\nj,1,soon,60,SUCCESS,abc\n");

        assertThatThrownBy(() -> BuildsCsvReader.read(file))
                .hasMessage(file + ":4: started_at 'soon' is neither ISO-8601 nor epoch milliseconds");
    }

    @Test
    void shouldNameAMissingColumn() throws IOException {
        Path file = write("job,build,started_at,result,revision\nj,1,2026-01-05T10:00:00Z,SUCCESS,abc\n");

        assertThatThrownBy(() -> BuildsCsvReader.read(file))
                .isInstanceOf(BuildsFileException.class)
                .hasMessage(file + ":1: missing column 'duration_s'; the header must name "
                        + "job,build,started_at,duration_s,result,revision");
    }

    @Test
    void shouldRefuseEmptyMissingAndBinaryFiles() throws IOException {
        Path empty = write("");
        Path missing = temp.resolve("nope.csv");
        Path binary = temp.resolve("binary.csv");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});

        assertThatThrownBy(() -> BuildsCsvReader.read(empty))
                .hasMessage(empty + ":1: no header; expected job,build,started_at,duration_s,result,revision");
        assertThatThrownBy(() -> BuildsCsvReader.read(missing))
                .isInstanceOf(BuildsFileException.class)
                .hasMessageStartingWith(missing + ": cannot read: ");
        assertThatThrownBy(() -> BuildsCsvReader.read(binary)).hasMessage(binary + ": is not UTF-8 text");
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(temp, "builds", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
