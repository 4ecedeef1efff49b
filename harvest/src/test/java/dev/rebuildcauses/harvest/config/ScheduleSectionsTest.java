package dev.rebuildcauses.harvest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleSectionsTest {
    private static final String BASE =
            """
            jenkins:
              url: http://127.0.0.1:8080/
            changes:
              source: git
              repositories:
                "**": clone.git
            """;

    @TempDir
    Path dir;

    private HarvestConfig load(String yaml) throws Exception {
        return new ConfigLoader().load(write(yaml));
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("rebuild-causes.yml");
        Files.writeString(file, BASE + yaml);
        return file;
    }

    private String failure(String yaml) throws IOException {
        Path file = write(yaml);
        Throwable thrown = catchThrowable(() -> new ConfigLoader().load(file));
        assertThat(thrown).isInstanceOf(ConfigException.class);
        return thrown.getMessage();
    }

    @Test
    void shouldDefaultToNoScheduleLoopbackServerAndNoExports() throws Exception {
        // Given a config without the new sections
        HarvestConfig config = load("");

        // Then nothing runs on its own and the server stays on this machine
        assertThat(config.harvestSchedule()).isEmpty();
        assertThat(config.server()).isEqualTo(new ServerConfig("127.0.0.1", 8484, null));
        assertThat(config.server().isLoopback()).isTrue();
        assertThat(config.exports()).isEmpty();
    }

    @Test
    void shouldReadEveryKeyOfTheScheduleServerAndExports() throws Exception {
        // Given every key written
        HarvestConfig config = load(
                """
                harvest:
                  schedule: "*/15 * * * *"
                server:
                  bind: 0.0.0.0
                  port: 9090
                  tokenFile: secrets/dashboard-token
                exports:
                  - name: weekly-causes
                    schedule: "0 6 * * MON"
                    files: [jobs, causes]
                    filter:
                      jobs: ["images/**", "tools/*"]
                      window: last 30 days
                    target: exports/weekly
                    keep: 4
                  - name: everything
                    schedule: "0 0 7 * * *"
                    target: /srv/exports/all
                """);

        // Then each is read, with the defaults where a key is left out and paths against the file's folder
        assertThat(config.harvestSchedule()).map(CronSchedule::expression).contains("*/15 * * * *");
        assertThat(config.server().bind()).isEqualTo("0.0.0.0");
        assertThat(config.server().port()).isEqualTo(9090);
        assertThat(config.server().token())
                .isEqualTo(TokenRef.file(dir.resolve("secrets/dashboard-token"), "server.tokenFile"));
        ExportConfig weekly = config.exports().get(0);
        assertThat(weekly.name()).isEqualTo("weekly-causes");
        assertThat(weekly.files()).containsExactly(ExportFile.CAUSES, ExportFile.JOBS);
        assertThat(weekly.filter().jobs()).containsExactly("images/**", "tools/*");
        assertThat(weekly.filter().window()).isEqualTo(new ExportWindow(30, ChronoUnit.DAYS));
        assertThat(weekly.target()).isEqualTo(dir.resolve("exports/weekly"));
        assertThat(weekly.keep()).isEqualTo(4);
        ExportConfig everything = config.export("everything").orElseThrow();
        assertThat(everything.files()).containsExactly(ExportFile.values());
        assertThat(everything.filter()).isEqualTo(ExportFilter.ALL);
        assertThat(everything.target()).isEqualTo(Path.of("/srv/exports/all"));
        assertThat(everything.keep()).isEqualTo(10);
    }

    @Test
    void shouldComputeTheNextRunOfFiveAndSixFieldCronExpressions() throws Exception {
        // Given a crontab expression (Mondays 06:00) and one with seconds (every 2 seconds)
        CronSchedule weekly = CronSchedule.parse("0 6 * * MON");
        CronSchedule everyTwoSeconds = CronSchedule.parse("*/2 * * * * *");
        ZonedDateTime friday = ZonedDateTime.of(2026, 12, 4, 15, 0, 1, 0, ZoneOffset.UTC);

        // Then the next runs are the next Monday 06:00 and the next even second
        assertThat(weekly.nextAfter(friday)).contains(ZonedDateTime.of(2026, 12, 7, 6, 0, 0, 0, ZoneOffset.UTC));
        assertThat(everyTwoSeconds.nextAfter(friday))
                .contains(ZonedDateTime.of(2026, 12, 4, 15, 0, 2, 0, ZoneOffset.UTC));
        assertThat(weekly.description()).isNotBlank();
    }

    @Test
    void shouldNameTheKeyOfABadCronExpression() throws Exception {
        assertThat(failure("harvest:\n  schedule: every day\n"))
                .startsWith("rebuild-causes.yml: harvest.schedule: expected a cron expression of 5 fields")
                .contains("found 2 fields in 'every day'");
        assertThat(failure("exports:\n  - name: a\n    schedule: \"61 * * * *\"\n    target: out\n"))
                .startsWith("rebuild-causes.yml: exports[0].schedule: '61 * * * *' is not a valid cron expression");
    }

    @Test
    void shouldSuggestTheNearestKeyOrFileForATypo() throws Exception {
        assertThat(failure("exports:\n  - name: a\n    schedul: \"0 6 * * *\"\n    target: out\n"))
                .isEqualTo("rebuild-causes.yml: exports[0].schedul: unknown key (did you mean schedule?)");
        assertThat(failure("exports:\n  - name: a\n    schedule: \"0 6 * * *\"\n    target: out\n"
                        + "    files: [causes, job]\n"))
                .isEqualTo("rebuild-causes.yml: exports[0].files[1]: unknown file 'job' (did you mean jobs?)");
        assertThat(failure("server:\n  prot: 80\n"))
                .isEqualTo("rebuild-causes.yml: server.prot: unknown key (did you mean port?)");
        assertThat(failure("exports:\n  - name: a\n    schedule: \"0 6 * * *\"\n    target: out\n"
                        + "    filter:\n      window: last month\n"))
                .startsWith("rebuild-causes.yml: exports[0].filter.window: expected 'all' or 'last N days'");
    }

    @Test
    void shouldRejectWrongTypesWithWhatWasExpected() throws Exception {
        assertThat(failure("server:\n  port: eighty\n"))
                .isEqualTo("rebuild-causes.yml: server.port: expected a whole number from 1 to 65535 "
                        + "but found text 'eighty'");
        assertThat(failure("exports:\n  name: a\n"))
                .startsWith("rebuild-causes.yml: exports: expected a list of exports");
        assertThat(failure("exports:\n  - name: a\n    schedule: \"0 6 * * *\"\n    target: out\n    keep: 0\n"))
                .isEqualTo("rebuild-causes.yml: exports[0].keep: expected a whole number from 1 to 10000 "
                        + "but found a number (0)");
        assertThat(failure("exports:\n  - name: a\n    schedule: \"0 6 * * *\"\n    target: out\n    files: causes\n"))
                .startsWith("rebuild-causes.yml: exports[0].files: expected a list of file names");
        assertThat(failure("exports:\n  - name: a\n    schedule: \"0 6 * * *\"\n"))
                .isEqualTo("rebuild-causes.yml: exports[0].target: missing; expected a text value");
    }

    @Test
    void shouldRequireUniqueFileSafeNamesAndOneFolderPerExport() throws Exception {
        assertThat(failure("exports:\n  - name: ../up\n    schedule: \"0 6 * * *\"\n    target: out\n"))
                .startsWith("rebuild-causes.yml: exports[0].name: expected letters, digits");
        assertThat(failure("exports:\n  - name: a\n    schedule: \"0 6 * * *\"\n    target: out/a\n"
                        + "  - name: a\n    schedule: \"0 7 * * *\"\n    target: out/b\n"))
                .isEqualTo("rebuild-causes.yml: exports[1].name: 'a' is already the name of exports[0] "
                        + "(names must be unique)");
        assertThat(failure("exports:\n  - name: a\n    schedule: \"0 6 * * *\"\n    target: out\n"
                        + "  - name: b\n    schedule: \"0 7 * * *\"\n    target: ./out/\n"))
                .startsWith("rebuild-causes.yml: exports[1].target: ")
                .endsWith("is already the target of exports[0]; give each export its own folder");
    }

    @Test
    void shouldRefuseATokenInTheFileAndAnOpenBindWithoutOne() throws Exception {
        String written = failure("server:\n  token: s3cr3t-value\n");
        assertThat(written)
                .startsWith("rebuild-causes.yml: server.token: a token or password is never written")
                .doesNotContain("s3cr3t-value");
        assertThat(failure("server:\n  bind: 0.0.0.0\n"))
                .startsWith("rebuild-causes.yml: server.bind: 0.0.0.0 opens the dashboard beyond this machine");
        assertThat(load("server:\n  bind: 0.0.0.0\n  tokenEnv: RC_DASHBOARD_TOKEN\n")
                        .server()
                        .tokenRef())
                .contains(TokenRef.env("RC_DASHBOARD_TOKEN", "server.tokenEnv"));
    }

    @Test
    void shouldCountAWindowBackFromTheTimeTheExportRuns() throws Exception {
        Instant now = Instant.parse("2026-03-31T12:00:00Z");
        assertThat(ExportWindow.parse("last 30 days").since(now)).contains(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(ExportWindow.parse("last 12 weeks").since(now)).contains(Instant.parse("2026-01-06T12:00:00Z"));
        assertThat(ExportWindow.parse("Last 1 Month").since(now)).contains(Instant.parse("2026-02-28T12:00:00Z"));
        assertThat(ExportWindow.parse("last 24 hours").since(now)).contains(Instant.parse("2026-03-30T12:00:00Z"));
        assertThat(ExportWindow.parse("all").since(now)).isEmpty();
        assertThat(List.of(ExportWindow.parse("last 30 days").toString())).containsExactly("last 30 days");
    }
}
