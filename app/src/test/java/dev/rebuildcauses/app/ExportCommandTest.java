package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.simulator.history.SimulatedHistory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
    @TempDir
    Path dir;

    private Path config(String exports) throws IOException {
        Path file = dir.resolve("rebuild-causes.yml");
        Files.writeString(
                file,
                """
                jenkins: {url: "http://127.0.0.1:9/"}
                changes: {source: git, repositories: {"**": /srv/mirror}}
                store: jdbc:h2:file:./data/store
                """
                        + exports);
        return file;
    }

    /** Runs a small demo (its report into {@code report}) and returns the config it keeps beside its store. */
    private Path demoConfig(Path report) {
        Path data = dir.resolve("data");
        CommandRun demo = CommandRun.demo(report, data, 300);
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        return data.resolve("rebuild-causes.yml");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void shouldParseItsOptions() {
        ExportCommand command = new ExportCommand();
        new CommandLine(command).parseArgs("--config", "c.yml", "--name", "weekly", "-q");

        assertThat(command.config).isEqualTo(Path.of("c.yml"));
        assertThat(command.name).isEqualTo("weekly");
        assertThat(command.quiet).isTrue();
    }

    @Test
    void shouldShowExamplesAndExitCodesInItsHelp() {
        CommandRun run = CommandRun.of("export", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("--name")
                .contains("rebuild-causes export --config rebuild-causes.yml")
                .contains("Exit codes:")
                .contains("the --config file is unreadable or invalid");
    }

    @Test
    void shouldWriteTheExampleExportOfTheDemosConfig() throws Exception {
        // Given the store and config a demo keeps
        Path report = dir.resolve("report");
        Path config = demoConfig(report);
        Path data = config.getParent();

        // When its exports run now
        CommandRun run = CommandRun.of("export", "--config", config.toString());

        // Then the example export's files are in the folder the config names
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("export weekly-causes: 2 files of ");
        Path target = data.resolve("exports").resolve("weekly-causes");
        assertThat(names(target))
                .hasSize(4)
                .contains("causes-latest.csv", "jobs-latest.csv")
                .anyMatch(name -> name.matches("causes-\\d{4}-\\d\\d-\\d\\dT\\d{6}Z\\.csv"));
        assertThat(Files.readAllLines(target.resolve("jobs-latest.csv")).get(0))
                .isEqualTo("job,builds,hours,top_cause,environment_changes,mean_days_between_environment_changes");

        // When it runs as of a day after the simulated history ends, so its last 30 days hold builds
        Instant asOf = SimulatedHistory.END.plus(Duration.ofDays(1));
        StringWriter out = new StringWriter();
        ExitCode code = new ExportOnce(
                        new PrintWriter(out),
                        new PrintWriter(new StringWriter()),
                        Clock.fixed(asOf, ZoneOffset.UTC),
                        true)
                .run(config, "weekly-causes");

        // Then the exported jobs count exactly the demo report's builds of those 30 days
        Instant since = asOf.minus(Duration.ofDays(30));
        long expected = Files.readAllLines(report.resolve("builds.csv")).stream()
                .skip(1)
                .map(line -> Instant.parse(line.split(",")[2]))
                .filter(started -> !started.isBefore(since))
                .count();
        long exported = Files.readAllLines(target.resolve("jobs-latest.csv")).stream()
                .skip(1)
                .mapToLong(line -> Long.parseLong(line.split(",")[1]))
                .sum();
        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEmpty();
        assertThat(exported).isPositive().isEqualTo(expected);
    }

    @Test
    void shouldExportTheNumbersAndDockerfileAdviceOfTheReportOverTheSameStore() throws Exception {
        // Given the store, mirrors and report of a demo (harvested in mirror mode)
        Path report = dir.resolve("report");
        Path config = demoConfig(report);
        Path data = config.getParent();
        Files.writeString(
                config,
                Files.readString(config)
                        + """
                          - name: everything
                            schedule: "0 6 * * *"
                            files: [builds, causes, advice]
                            target: exports/everything
                        """);

        // When an export of every build runs
        CommandRun run = CommandRun.of("export", "--config", config.toString(), "--name", "everything");

        // Then its files are the report's, the advice read from the Dockerfiles in the mirrors included
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path target = data.resolve("exports").resolve("everything");
        for (String file : List.of("builds", "causes", "advice")) {
            assertThat(Files.readString(target.resolve(file + "-latest.csv")))
                    .as(file)
                    .isEqualTo(Files.readString(report.resolve(file + ".csv")));
        }
        assertThat(Files.readString(target.resolve("advice-latest.csv")))
                .as("advice only a Dockerfile's history gives")
                .contains(",base-image,");
    }

    @Test
    void shouldSuggestTheNearestNameForAnUnknownOne() throws IOException {
        Path config = config(
                """
                exports:
                  - {name: weekly-causes, schedule: "0 6 * * MON", target: out/weekly}
                  - {name: daily, schedule: "0 5 * * *", target: out/daily}
                """);

        CommandRun run = CommandRun.of("export", "--config", config.toString(), "--name", "weekly-cuases");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err())
                .isEqualTo("rebuild-causes: --name: no export named 'weekly-cuases' in rebuild-causes.yml "
                        + "(did you mean weekly-causes?)" + System.lineSeparator());
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void shouldRunTheOtherExportsAndExitWithTheFileCodeWhenATargetCannotBeWritten() throws IOException {
        // Given two exports, the first blocked by a file where its folder should be
        Path config = config(
                """
                exports:
                  - {name: blocked, schedule: "0 6 * * MON", target: out/blocked, files: [causes]}
                  - {name: fine, schedule: "0 5 * * *", target: out/fine, files: [causes]}
                """);
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/blocked"), "in the way");

        // When all exports run
        CommandRun run = CommandRun.of("export", "--config", config.toString(), "-q");

        // Then the failure is one line naming the export and why, and the other export is written
        assertThat(run.exitCode()).isEqualTo(ExitCode.IO.code());
        assertThat(run.err())
                .startsWith("rebuild-causes: export blocked: cannot write ")
                .contains("a file is in the way")
                .hasLineCount(1);
        assertThat(run.out()).isEmpty();
        assertThat(dir.resolve("out/fine/causes-latest.csv")).exists();
    }

    @Test
    void shouldExitWithTheConfigCodeForABadScheduleOrNoExports() throws IOException {
        CommandRun bad = CommandRun.of(
                "export",
                "--config",
                config("exports:\n  - {name: a, schedule: \"0 25 * * *\", target: out}\n")
                        .toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCode.BAD_CONFIG.code());
        assertThat(bad.err()).startsWith("rebuild-causes: rebuild-causes.yml: exports[0].schedule: '0 25 * * *'");

        CommandRun none = CommandRun.of("export", "--config", config("").toString());
        assertThat(none.exitCode()).isEqualTo(ExitCode.BAD_CONFIG.code());
        assertThat(none.err()).startsWith("rebuild-causes: rebuild-causes.yml: exports: none configured");
    }
}
