package dev.rebuildcauses.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.model.BuildChanges;
import dev.rebuildcauses.harvest.config.CronSchedule;
import dev.rebuildcauses.harvest.config.ExportConfig;
import dev.rebuildcauses.harvest.config.ExportFile;
import dev.rebuildcauses.harvest.config.ExportFilter;
import dev.rebuildcauses.harvest.config.ExportWindow;
import dev.rebuildcauses.harvest.store.BuildFilter;
import dev.rebuildcauses.harvest.store.StoredBuild;
import dev.rebuildcauses.report.pipeline.ReportPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportRunnerTest {
    private static final Instant NOW = Instant.parse("2026-12-04T15:00:00.750Z");
    private static final int PER_JOB = 120;

    @TempDir
    Path dir;

    private String store;
    private List<StoredBuild> history;

    @BeforeEach
    void fillStore() throws Exception {
        store = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        history = StoreBuilds.history(PER_JOB);
        StoreBuilds.save(store, history);
    }

    private ExportRunner runner(Instant now) {
        return new ExportRunner(BuildSource.store(store), RuleSet.defaults(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private ExportConfig export(String name, List<ExportFile> files, ExportFilter filter, int keep) throws Exception {
        return new ExportConfig(
                name,
                CronSchedule.parse("0 6 * * *"),
                files,
                filter,
                dir.resolve("out").resolve(name),
                keep);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        return CSVFormat.RFC4180.parse(Files.newBufferedReader(file)).getRecords();
    }

    @Test
    void shouldWriteEachChosenFileUnderItsAsOfTimeAndALatestCopyWithTheReportsContent() throws Exception {
        // Given an export of causes and jobs over every build
        ExportConfig export = export("weekly", List.of(ExportFile.CAUSES, ExportFile.JOBS), ExportFilter.ALL, 10);

        // When it runs at 15:00:00.750 UTC
        ExportResult result = runner(NOW).run(export);

        // Then the folder holds exactly the as-of files (to the second, no colon) and the latest copies
        assertThat(names(export.target()))
                .containsExactly(
                        "causes-2026-12-04T150000Z.csv",
                        "causes-latest.csv",
                        "jobs-2026-12-04T150000Z.csv",
                        "jobs-latest.csv");
        assertThat(result.asOf()).isEqualTo(Instant.parse("2026-12-04T15:00:00Z"));
        assertThat(result.builds()).isEqualTo(history.size());
        assertThat(result.written()).hasSize(4);
        Path target = export.target();
        assertThat(Files.readAllBytes(target.resolve("causes-latest.csv")))
                .isEqualTo(Files.readAllBytes(target.resolve("causes-2026-12-04T150000Z.csv")));
        // and their content is byte for byte what the report writes for the same builds
        Path report = Files.createDirectories(dir.resolve("report"));
        List<BuildChanges> builds = BuildSource.store(store).load(BuildFilter.all());
        ReportPipeline.of(RuleSet.defaults()).run(builds, report);
        assertThat(target.resolve("causes-latest.csv")).hasSameBinaryContentAs(report.resolve("causes.csv"));
        assertThat(target.resolve("jobs-latest.csv")).hasSameBinaryContentAs(report.resolve("jobs.csv"));
        assertThat(csv(target.resolve("jobs-latest.csv")).get(0).toList())
                .containsExactly(
                        "job",
                        "builds",
                        "hours",
                        "top_cause",
                        "environment_changes",
                        "mean_days_between_environment_changes");
        assertThat(csv(target.resolve("jobs-latest.csv"))).hasSize(1 + StoreBuilds.JOBS.size());
    }

    @Test
    void shouldExportOnlyTheBuildsOfTheFiltersJobsWithinTheWindow() throws Exception {
        // Given an export of two job globs over the last 2 days
        ExportFilter filter = new ExportFilter(List.of("images/a", "tools/*"), new ExportWindow(2, ChronoUnit.DAYS));
        ExportConfig export = export("recent", List.of(ExportFile.BUILDS), filter, 10);
        Instant now = StoreBuilds.END.plus(Duration.ofDays(1));

        // When it runs a day after the last build
        runner(now).run(export);

        // Then builds.csv has one row per stored build of those jobs that started in the window
        Instant since = now.minus(Duration.ofDays(2));
        long expected = history.stream()
                .filter(b ->
                        b.build().job().equals("images/a") || b.build().job().startsWith("tools/"))
                .filter(b -> !b.build().startedAt().isBefore(since))
                .count();
        List<CSVRecord> rows = csv(export.target().resolve("builds-latest.csv"));
        assertThat(rows.get(0).toList())
                .containsExactly(
                        "job",
                        "build",
                        "started_at",
                        "duration_s",
                        "result",
                        "trigger",
                        "revision",
                        "previous_revision",
                        "commits",
                        "files_changed",
                        "causes");
        assertThat(rows).hasSize(1 + (int) expected);
        assertThat(expected).isPositive().isLessThan(2 * PER_JOB);
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(0)).containsOnly("images/a", "tools/x");
    }

    @Test
    void shouldKeepOnlyTheNewestAsOfCopies() throws Exception {
        // Given an export keeping 3 copies
        ExportConfig export = export("kept", List.of(ExportFile.CAUSES, ExportFile.WEEKLY), ExportFilter.ALL, 3);

        // When it runs five times, a minute apart
        ExportResult last = null;
        for (int minute = 0; minute < 5; minute++) {
            last = runner(NOW.plus(Duration.ofMinutes(minute))).run(export);
        }

        // Then the three newest copies of each file remain, with the latest
        assertThat(names(export.target()))
                .containsExactly(
                        "causes-2026-12-04T150200Z.csv",
                        "causes-2026-12-04T150300Z.csv",
                        "causes-2026-12-04T150400Z.csv",
                        "causes-latest.csv",
                        "weekly-2026-12-04T150200Z.csv",
                        "weekly-2026-12-04T150300Z.csv",
                        "weekly-2026-12-04T150400Z.csv",
                        "weekly-latest.csv");
        assertThat(last.deleted())
                .extracting(path -> path.getFileName().toString())
                .containsExactlyInAnyOrder("causes-2026-12-04T150100Z.csv", "weekly-2026-12-04T150100Z.csv");
    }

    @Test
    void shouldNeutraliseCellsASpreadsheetWouldRunAsAFormula() throws Exception {
        // Given a job whose name is a formula
        ExportConfig export = export("all", List.of(ExportFile.values()), ExportFilter.ALL, 10);

        // When every file is exported
        runner(NOW).run(export);

        // Then the job's name is written with a leading apostrophe wherever it appears
        Path target = export.target();
        assertThat(csv(target.resolve("jobs-latest.csv")))
                .extracting(row -> row.get(0))
                .contains("'" + StoreBuilds.FORMULA_JOB)
                .doesNotContain(StoreBuilds.FORMULA_JOB);
        assertThat(csv(target.resolve("builds-latest.csv")))
                .extracting(row -> row.get(0))
                .contains("'" + StoreBuilds.FORMULA_JOB)
                .allSatisfy(cell -> assertThat(cell).doesNotStartWith("="));
        // and no cell of any file starts with a formula character
        for (ExportFile file : ExportFile.values()) {
            for (CSVRecord row : csv(target.resolve(file.configName() + "-latest.csv"))) {
                for (String cell : row) {
                    assertThat(cell).as(file + " cell").doesNotStartWith("=").doesNotStartWith("@");
                    if (cell.startsWith("+") || cell.startsWith("-")) {
                        assertThat(cell).as(file + " cell").matches("[-+][0-9.]+");
                    }
                }
            }
        }
        assertThat(csv(target.resolve("advice-latest.csv")).get(0).toList())
                .containsExactly("job", "advice", "saving_hours_per_month", "evidence", "action");
    }

    @Test
    void shouldFailWithTheCauseWhenAFileIsWhereTheFolderShouldBe() throws Exception {
        // Given a regular file where the target folder should be
        ExportConfig export = export("blocked", List.of(ExportFile.CAUSES), ExportFilter.ALL, 10);
        Files.createDirectories(export.target().getParent());
        Files.writeString(export.target(), "in the way");

        // When the export runs
        ExportException failure = catchThrowableOfType(() -> runner(NOW).run(export), ExportException.class);

        // Then it fails naming the export, the folder and why, and the file stays untouched
        assertThat(failure.kind()).isEqualTo(ExportException.Kind.TARGET);
        assertThat(failure.export()).isEqualTo("blocked");
        assertThat(failure.getMessage())
                .startsWith("export blocked: cannot write " + export.target())
                .contains("a file is in the way");
        assertThat(Files.readString(export.target())).isEqualTo("in the way");
    }

    @Test
    void shouldLeaveNoTemporaryFileBehind() throws Exception {
        // Given an export run
        ExportConfig export = export("clean", List.of(ExportFile.values()), ExportFilter.ALL, 10);
        runner(NOW).run(export);

        // Then only the named files are in the folder: no staging folder, no temporary file
        assertThat(names(export.target()))
                .allMatch(name -> !name.startsWith("."))
                .hasSize(12);
    }
}
