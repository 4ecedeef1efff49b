package dev.rebuildcauses.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.harvest.config.CronSchedule;
import dev.rebuildcauses.harvest.config.ExportConfig;
import dev.rebuildcauses.harvest.config.ExportFile;
import dev.rebuildcauses.harvest.config.ExportFilter;
import dev.rebuildcauses.harvest.store.StoredBuild;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scheduled exports over a real PostgreSQL store, started from Maven Central's embedded binaries. */
class PostgresExportITest {
    @TempDir
    Path dir;

    @Test
    void shouldExportFromPostgresWhatTheSameBuildsExportFromH2() throws Exception {
        // Given the same builds in a PostgreSQL store and in an H2 store
        List<StoredBuild> history = StoreBuilds.history(200);
        String h2 = "jdbc:h2:file:" + dir.resolve("h2").toAbsolutePath();
        StoreBuilds.save(h2, history);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE exports");
            }
            String pg = postgres.getJdbcUrl("postgres", "exports");
            StoreBuilds.save(pg, history);
            ExportConfig fromPostgres = new ExportConfig(
                    "pg",
                    CronSchedule.parse("* * * * * *"),
                    List.of(ExportFile.values()),
                    ExportFilter.ALL,
                    dir.resolve("pg"),
                    2);

            // When the scheduler exports from PostgreSQL until it has written twice
            ExportRunner runner = new ExportRunner(BuildSource.store(pg), RuleSet.defaults(), Clock.systemUTC());
            try (ExportScheduler scheduler = ExportScheduler.builder(runner, Clock.systemUTC())
                    .exports(List.of(fromPostgres))
                    .start()) {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
                while (scheduler
                        .status("pg")
                        .flatMap(ExportStatus::lastSuccessTime)
                        .isEmpty()) {
                    assertThat(scheduler.status("pg").orElseThrow().isFailing())
                            .as("%s", scheduler.status("pg"))
                            .isFalse();
                    assertThat(Instant.now()).isBefore(deadline);
                    Thread.sleep(50);
                }
            }
        }

        // Then every file equals what the same export writes from H2
        ExportConfig fromH2 = new ExportConfig(
                "h2",
                CronSchedule.parse("0 6 * * *"),
                List.of(ExportFile.values()),
                ExportFilter.ALL,
                dir.resolve("h2-out"),
                2);
        new ExportRunner(BuildSource.store(h2), RuleSet.defaults(), Clock.systemUTC()).run(fromH2);
        for (ExportFile file : ExportFile.values()) {
            String latest = file.configName() + "-latest.csv";
            assertThat(dir.resolve("pg").resolve(latest))
                    .hasSameBinaryContentAs(dir.resolve("h2-out").resolve(latest));
        }
        assertThat(Files.readAllLines(dir.resolve("pg").resolve("builds-latest.csv")))
                .hasSize(1 + history.size());
    }
}
