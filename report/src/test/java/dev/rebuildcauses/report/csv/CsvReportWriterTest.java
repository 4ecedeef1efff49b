package dev.rebuildcauses.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.mine.CauseStats;
import dev.rebuildcauses.analysis.mine.CombinationStats;
import dev.rebuildcauses.analysis.mine.DataQuality;
import dev.rebuildcauses.analysis.mine.Findings;
import dev.rebuildcauses.analysis.mine.JobStats;
import dev.rebuildcauses.analysis.mine.Totals;
import dev.rebuildcauses.analysis.mine.WeeklyCauseCount;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.CauseSet;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReportWriterTest {
    private static final Instant MONDAY = Instant.parse("2026-01-05T10:00:00.400Z");

    @TempDir
    Path temp;

    private final Findings findings = new Findings(
            new Totals(3, 2, 1.5),
            List.of(
                    new CauseStats("code", 2, 2.0 / 3, 1.5, 1.0, 45.0, 45.0, 60.0, 1, 0.5),
                    new CauseStats("=HYPERLINK(1)", 1, 1.0 / 3, null, null, null, null, null, 1, 1.0)),
            List.of(
                    new CombinationStats(CauseSet.of("code", "docs"), 1, 1.0),
                    new CombinationStats(CauseSet.of("unknown-range"), 1, null)),
            List.of(new JobStats("img,\"main\"", 3, 1.5, "code", 2, 12.34), new JobStats("-x", 1, null, "", 0, null)),
            List.of(new WeeklyCauseCount(LocalDate.parse("2026-01-05"), "code", 2, 1.5)),
            0.0,
            null,
            new DataQuality(1, 1));

    @Test
    void shouldWriteEveryExportWithItsExactHeaderAndCrlfRows() throws IOException {
        // Given
        ClassifiedBuild first = new ClassifiedBuild(
                new Build("img,\"main\"", 1, MONDAY, Duration.ofMillis(89_500), "SUCCESS", "push", "a1", "main"),
                ChangeRange.firstBuild("a1"),
                CauseSet.of("first-build"));
        ClassifiedBuild second = new ClassifiedBuild(
                new Build("img,\"main\"", 2, MONDAY.plusSeconds(3600), null, "", "@user", "b2", "main"),
                ChangeRange.resolved(
                        "a1",
                        "b2",
                        List.of(new Commit("b2", List.of("a1"), "Ada", MONDAY, "fix", 2)),
                        List.of(
                                FileChange.of(ChangeKind.MODIFY, "app.py"),
                                FileChange.of(ChangeKind.ADD, "README.md"))),
                CauseSet.of("docs", "code"));
        ClassifiedBuild unknown = new ClassifiedBuild(
                new Build("-x", 3, MONDAY, Duration.ofSeconds(60), "FAILURE", "", "=cmd|' /C calc'!A0", ""),
                ChangeRange.unknown("b2", "=cmd|' /C calc'!A0", "not in repository"),
                CauseSet.of("unknown-range"));

        // When
        List<Path> written = new CsvReportWriter(temp.resolve("out"))
                .write(List.of(first, second, unknown), findings, List.of("Code costs most.", "Data quality: fine."));

        // Then
        assertThat(written)
                .extracting(p -> p.getFileName().toString())
                .containsExactly(
                        "builds.csv", "causes.csv", "combinations.csv", "jobs.csv", "weekly.csv", "summary.txt");
        assertThat(read("builds.csv"))
                .isEqualTo("job,build,started_at,duration_s,result,trigger,revision,previous_revision,commits,"
                        + "files_changed,causes\r\n"
                        + "\"img,\"\"main\"\"\",1,2026-01-05T10:00:00Z,90,SUCCESS,push,a1,,,,first-build\r\n"
                        + "\"img,\"\"main\"\"\",2,2026-01-05T11:00:00Z,,,'@user,b2,a1,1,2,code;docs\r\n"
                        + "'-x,3,2026-01-05T10:00:00Z,60,FAILURE,,'=cmd|' /C calc'!A0,b2,,,unknown-range\r\n");
        assertThat(read("causes.csv"))
                .isEqualTo("cause,builds,builds_share,hours,hours_share,mean_min,median_min,p90_min,solo_builds,"
                        + "solo_share\r\n"
                        + "code,2,0.6667,1.50,1.0000,45.00,45.00,60.00,1,0.5000\r\n"
                        + "'=HYPERLINK(1),1,0.3333,,,,,,1,1.0000\r\n");
        assertThat(read("combinations.csv"))
                .isEqualTo("causes,builds,hours\r\ncode;docs,1,1.00\r\nunknown-range,1,\r\n");
        assertThat(read("jobs.csv"))
                .isEqualTo("job,builds,hours,top_cause,environment_changes,mean_days_between_environment_changes\r\n"
                        + "\"img,\"\"main\"\"\",3,1.50,code,2,12.3\r\n"
                        + "'-x,1,,,0,\r\n");
        assertThat(read("weekly.csv")).isEqualTo("week,cause,builds,hours\r\n2026-01-05,code,2,1.50\r\n");
        assertThat(read("summary.txt")).isEqualTo("Code costs most.\nData quality: fine.\n");
        assertThat(temp.resolve("out")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void shouldWriteWhatAnRfc4180ParserReadsBack() throws IOException {
        // Given cells with every character that needs quoting
        Findings none = new Findings(
                new Totals(1, 0, null),
                List.of(),
                List.of(),
                List.of(new JobStats("a,b \"c\"\r\nd\ne", 1, null, "x", 0, null)),
                List.of(),
                0.0,
                null,
                new DataQuality(0, 1));

        // When
        new CsvReportWriter(temp).write(List.of(), none, List.of());

        // Then
        try (CSVParser parser = CSVFormat.RFC4180.parse(Files.newBufferedReader(temp.resolve("jobs.csv")))) {
            List<CSVRecord> records = parser.getRecords();
            assertThat(records).hasSize(2);
            assertThat(records.get(1).toList()).containsExactly("a,b \"c\"\r\nd\ne", "1", "", "x", "0", "");
        }
    }

    @Test
    void shouldWriteHeadersAloneWithoutBuilds() throws IOException {
        Findings none = new Findings(
                new Totals(0, 0, null), List.of(), List.of(), List.of(), List.of(), 0.0, null, new DataQuality(0, 0));

        new CsvReportWriter(temp).write(List.of(), none, List.of());

        assertThat(Files.readAllBytes(temp.resolve("combinations.csv")))
                .isEqualTo("causes,builds,hours\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(read("summary.txt")).isEmpty();
    }

    @Test
    void shouldReplaceAnOldReport() throws IOException {
        Path out = Files.createDirectories(temp.resolve("out"));
        Files.writeString(out.resolve("weekly.csv"), "stale");
        Findings none = new Findings(
                new Totals(0, 0, null), List.of(), List.of(), List.of(), List.of(), 0.0, null, new DataQuality(0, 0));

        new CsvReportWriter(out).write(List.of(), none, List.of("x"));

        assertThat(Files.readString(out.resolve("weekly.csv"))).isEqualTo("week,cause,builds,hours\r\n");
    }

    private String read(String name) throws IOException {
        Path dir = Files.isDirectory(temp.resolve("out")) ? temp.resolve("out") : temp;
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }
}
