package dev.rebuildcauses.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard over a real PostgreSQL store, as a shared deployment runs it. */
class DashboardPostgresITest {
    @Test
    void shouldServeEveryPageFromAPostgresStore() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            // Given a demo history harvested into PostgreSQL
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE dashboard");
            }
            Path folder = Files.createTempDirectory(Path.of("target", "tmp"), "dashboard-pg");
            Path config = DashboardFixture.create(folder, postgres.getJdbcUrl("postgres", "dashboard"), 300);

            // When the dashboard serves it
            PrintWriter quiet = new PrintWriter(new StringWriter());
            try (ServeRunner.Running running = new ServeRunner(quiet, quiet, Map.of())
                    .start(new ServeConfig(config, "127.0.0.1", 0, null, null, true))) {
                HttpClient http = HttpClient.newHttpClient();

                // Then every page answers, and the jobs download lists the jobs the store holds
                for (String path : new String[] {
                    "/",
                    "/jobs",
                    "/job?name=images%2Fbase-python",
                    "/build?job=images%2Fbase-python&number=3",
                    "/cause?name=code",
                    "/api/jobs"
                }) {
                    HttpResponse<String> page = http.send(
                            HttpRequest.newBuilder(running.server().url().resolve(path))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(page.statusCode()).as(path).isEqualTo(200);
                }
                String jobs = http.send(
                                HttpRequest.newBuilder(running.server().url().resolve("/csv/jobs.csv"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                assertThat(jobs).contains("\r\nimages/base-python,").contains("<script>alert(1)</script>");
                assertThat(running.snapshots().current().orElseThrow().index().jobs())
                        .containsKey("images/base-python");
            }
        }
    }
}
