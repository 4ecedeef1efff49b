package dev.rebuildcauses.harvest.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A harvest in its own JVM killed (kill -9) in its first moments, while it creates the store or
 * upgrades one from the previous schema, on H2 and on PostgreSQL: every later run opens the store
 * and ends as one clean run would.
 */
class StoreKillITest {
    /** Kills per test, spread evenly over the time a clean run takes to open the store, and a little past it. */
    private static final int KILLS = 8;

    private static EmbeddedPostgres postgres;
    private static int databases;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldSurviveKillsWhileAFirstHarvestCreatesAnH2Store() throws Exception {
        assertSurvivesKills(
                name -> "jdbc:h2:file:" + dir.resolve(name + "/store").toAbsolutePath(), false);
    }

    @Test
    void shouldSurviveKillsWhileAHarvestUpgradesAnH2StoreFromThePreviousSchema() throws Exception {
        assertSurvivesKills(
                name -> "jdbc:h2:file:" + dir.resolve(name + "/store").toAbsolutePath(), true);
    }

    @Test
    void shouldSurviveKillsWhileAFirstHarvestCreatesAPostgresStore() throws Exception {
        assertSurvivesKills(StoreKillITest::postgresDatabase, false);
    }

    @Test
    void shouldSurviveKillsWhileAHarvestUpgradesAPostgresStoreFromThePreviousSchema() throws Exception {
        assertSurvivesKills(StoreKillITest::postgresDatabase, true);
    }

    private void assertSurvivesKills(Databases fresh, boolean upgrade) throws Exception {
        // Given the store a run ends with when nothing kills it
        String clean = fresh.url("clean");
        if (upgrade) {
            previousSchemaWithABuild(clean);
        }
        assertThat(runToEnd(clean)).startsWith("done harvested 240 new builds");
        long openMillis = lastOpenMillis;
        Map<String, List<String>> expected = StoreDump.of(clean);
        String shape = SchemaShape.of(clean);

        // When runs on another store are killed in their first moments, again and again
        String killed = fresh.url("killed");
        if (upgrade) {
            previousSchemaWithABuild(killed);
        }
        String start = SchemaShape.of(killed);
        Random jitter = new Random(12);
        Map<String, Integer> leftBehind = new java.util.TreeMap<>();
        for (int k = 0; k < KILLS; k++) {
            long delay = (openMillis * 3 / 2) * k / (KILLS - 1) + jitter.nextInt(5);
            runAndKill(killed, delay);
            String now = SchemaShape.of(killed);
            String state = now.equals(start) ? "as before" : now.equals(shape) ? "complete" : "partly migrated";
            leftBehind.merge(state, 1, Integer::sum);
        }
        String last = runToEnd(killed);

        // Then the last run opened the store and the end state is the clean one, row for row
        System.out.printf(
                "store kill test (%s, %s): opening took %d ms in a clean run; %d kills spread over %d ms left "
                        + "the schema %s%n",
                killed.startsWith("jdbc:h2") ? "H2" : "PostgreSQL",
                upgrade ? "upgrade" : "creation",
                openMillis,
                KILLS,
                openMillis * 3 / 2,
                leftBehind);
        assertThat(last).startsWith("done harvested ");
        assertThat(StoreDump.of(killed)).isEqualTo(expected);
        assertThat(SchemaShape.of(killed)).isEqualTo(shape);
    }

    /** A store as the previous release left it (schema version 1) holding one build. */
    private static void previousSchemaWithABuild(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(JdbcUrls.withSafeH2Settings(url))) {
            connection.setAutoCommit(false);
            new SchemaMigrator(connection).migrateTo(1);
            try (Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO builds (job, build_number, started_at_ms, duration_ms, result, "
                        + "trigger_label, building, revision, branch, repository, range_status, from_revision, "
                        + "problem) VALUES ('images/old', 1, 0, 1000, 'SUCCESS', 'SCM', FALSE, 'r1', 'main', '', "
                        + "'FIRST_BUILD', NULL, '')");
            }
            connection.commit();
        }
    }

    private static String postgresDatabase(String name) throws SQLException {
        String database = name + (++databases);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        return postgres.getJdbcUrl("postgres", database);
    }

    private Process start(String url) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                        "dev.rebuildcauses.harvest.run.HarvestChild",
                        url,
                        "1")
                .redirectErrorStream(true)
                .start();
    }

    private long lastOpenMillis;

    private String runToEnd(String url) throws Exception {
        Process process = start(url);
        StringBuilder all = new StringBuilder();
        String last = "";
        long opening = 0;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
                if (line.equals("opening")) {
                    opening = System.nanoTime();
                } else if (line.equals("opened")) {
                    lastOpenMillis = (System.nanoTime() - opening) / 1_000_000;
                }
                if (!line.startsWith("build ")) {
                    all.append(line).append('\n');
                }
            }
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("child output: %s", all).isZero();
        return last;
    }

    /** Starts a run and kills it {@code delayMillis} after it says it opens the store; true if it had opened it. */
    private boolean runAndKill(String url, long delayMillis) throws Exception {
        Process process = start(url);
        boolean opened = false;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            while (line != null && !line.equals("opening")) {
                line = out.readLine();
            }
            assertThat(line).as("the child must start opening the store").isEqualTo("opening");
            long killAt = System.nanoTime() + delayMillis * 1_000_000L;
            while (System.nanoTime() < killAt) {
                while (out.ready()) {
                    opened |= "opened".equals(out.readLine());
                }
                Thread.onSpinWait();
            }
            // (what the child printed after this is lost with its streams: "opened" may be undercounted)
            process.destroyForcibly();
        } finally {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        return opened;
    }

    @FunctionalInterface
    private interface Databases {
        String url(String name) throws Exception;
    }
}
