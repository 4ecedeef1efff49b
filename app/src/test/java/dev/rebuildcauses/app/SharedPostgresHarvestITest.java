package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.SimulatorOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three harvester processes share one real PostgreSQL, one data folder (its mirrors, cloned over git's
 * smart HTTP protocol as the default settings do) and the simulated servers; one is killed with
 * SIGKILL half-way. The others finish its job once its lease expires, and the store ends row for row
 * as one harvester's does.
 */
class SharedPostgresHarvestITest {
    private static final Map<String, String> ENV =
            Map.of("JENKINS_TOKEN", "demo-jenkins-token", "BITBUCKET_TOKEN", "demo-bitbucket-token");
    private static final Pattern BUILDS = Pattern.compile("builds ([0-9,]+)");
    private static final List<String> TABLES = List.of(
            "jobs",
            "builds",
            "build_causes",
            "range_commits",
            "range_files",
            "commits",
            "commit_files",
            "harvest_state");
    private static final int LEASE_SECONDS = 3;

    private static EmbeddedPostgres postgres;

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
    void shouldLeaveTheStoreOfOneHarvesterWhenThreeShareItAndOneIsKilled() throws Exception {
        SimulatorOptions options = SimulatorOptions.defaults().withBuilds(1500).withLatency(Duration.ofMillis(10));
        try (Simulator simulator = Simulator.start(options)) {
            simulator.serveGit(dir.resolve("served"));
            // Given the store one harvester leaves
            Path single = config("single", simulator);
            new HarvestRunner(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), ENV)
                    .run(single, true);
            Map<String, List<String>> expected = dump("single");

            // When three harvesters start together on another, empty database, and the first is
            // killed with SIGKILL once it has stored some builds
            Path shared = config("shared", simulator);
            Process killed = start(shared, "killed");
            Process second = start(shared, "second");
            Process third = start(shared, "third");
            List<String> heldByKilled = stopWhileHoldingAJob(killed, 40);
            killed.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no lease released
            assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();

            // Then the others finish, the killed one's job included, and the store equals one harvester's
            for (Process survivor : List.of(second, third)) {
                assertThat(survivor.waitFor(300, TimeUnit.SECONDS)).isTrue();
                assertThat(survivor.exitValue())
                        .as(Files.readString(dir.resolve(survivorName(survivor, second) + ".err")))
                        .isZero();
            }
            String secondOut = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String thirdOut = new String(third.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(secondOut).startsWith("harvested ");
            assertThat(thirdOut).startsWith("harvested ");
            assertThat(heldByKilled)
                    .as("the killed harvester held a job when it died")
                    .hasSize(1);
            String jobHeldByKilled = heldByKilled.get(0).split(" ")[0];
            assertThat(leases("shared"))
                    .as("every job finished, the one the killed harvester held by a survivor")
                    .allSatisfy(lease -> assertThat(lease).doesNotEndWith(" 0"))
                    .anySatisfy(lease -> assertThat(lease)
                            .startsWith(jobHeldByKilled + " ")
                            .doesNotContain(":" + killed.pid() + " "))
                    .hasSize(expected.get("jobs").size());
            assertThat(leases("shared"))
                    .as("both survivors took jobs")
                    .anySatisfy(lease -> assertThat(lease).contains(":" + second.pid() + " "))
                    .anySatisfy(lease -> assertThat(lease).contains(":" + third.pid() + " "));
            Map<String, List<String>> actual = dump("shared");
            assertThat(actual.get("builds")).hasSize(simulator.history().buildCount());
            for (String table : TABLES) {
                // table by table, so a failure names the rows missing and the rows extra
                assertThat(actual.get(table)).as(table).containsExactlyElementsOf(expected.get(table));
            }
        }
    }

    private static String survivorName(Process survivor, Process second) {
        return survivor == second ? "second" : "third";
    }

    private Path config(String database, Simulator simulator) throws IOException, SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        Path folder = Files.createDirectories(dir.resolve(database));
        Path file = folder.resolve("rebuild-causes.yml");
        Files.writeString(
                file,
                """
                jenkins: {url: "%s", user: demo, tokenEnv: JENKINS_TOKEN}
                changes: {source: bitbucket-server, url: "%s", tokenEnv: BITBUCKET_TOKEN}
                store: "%s"
                """
                        .formatted(
                                simulator.jenkinsUrl(),
                                simulator.bitbucketUrl(),
                                postgres.getJdbcUrl("postgres", database)));
        return file;
    }

    private Process start(Path config, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-Drebuild-causes.progress=always",
                "-Drebuild-causes.lease-seconds=" + LEASE_SECONDS,
                Main.class.getName(),
                "harvest",
                "--config",
                config.toString());
        builder.environment().putAll(ENV);
        if (!name.equals("killed")) {
            builder.redirectError(dir.resolve(name + ".err").toFile());
        }
        return builder.start();
    }

    /**
     * Stops the process (SIGSTOP) once it has harvested {@code builds} builds and holds a job's lease, so
     * the kill that follows lands mid-job: between two jobs it is let go on (SIGCONT) for a few more
     * builds and stopped again.
     *
     * @return the unfinished leases it holds while stopped
     */
    private static List<String> stopWhileHoldingAJob(Process process, int builds) throws Exception {
        int wanted = builds;
        for (int attempt = 0; attempt < 20; attempt++) {
            waitForBuilds(process, wanted);
            signal(process, "-STOP");
            List<String> held = unfinishedLeasesOf(process.pid());
            if (!held.isEmpty()) {
                return held;
            }
            signal(process, "-CONT");
            wanted += 5;
        }
        throw new AssertionError("the harvester never held a job when stopped");
    }

    private static void signal(Process process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid()))
                .inheritIO()
                .start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill " + signal).isZero();
    }

    /** Reads the progress bar until it shows at least {@code builds} builds harvested by this process. */
    private static void waitForBuilds(Process process, int builds) throws IOException {
        StringBuilder seen = new StringBuilder();
        InputStream err = process.getErrorStream();
        int c;
        while ((c = err.read()) >= 0) {
            seen.append((char) c);
            if (c == '\r' && passed(seen, builds)) {
                return;
            }
        }
        throw new AssertionError("the harvester ended before storing " + builds + " builds: " + seen);
    }

    private static boolean passed(StringBuilder progress, int builds) {
        Matcher matcher = BUILDS.matcher(progress);
        int last = -1;
        while (matcher.find()) {
            last = Integer.parseInt(matcher.group(1).replace(",", ""));
        }
        return last >= builds;
    }

    private static List<String> unfinishedLeasesOf(long pid) throws SQLException {
        return leases("shared").stream()
                .filter(lease -> lease.contains(":" + pid + " ") && lease.endsWith(" 0"))
                .toList();
    }

    /** Each lease as {@code job holder finished_at_ms}. */
    private static List<String> leases(String database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", database));
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT job, holder, finished_at_ms FROM job_leases")) {
            while (result.next()) {
                rows.add(result.getString(1) + " " + result.getString(2) + " " + result.getLong(3));
            }
        }
        return rows;
    }

    private static Map<String, List<String>> dump(String database) throws SQLException {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(postgres.getJdbcUrl("postgres", database));
                Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                List<String> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            row.append(" | ").append(result.getString(c));
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                dump.put(table, rows);
            }
        }
        return dump;
    }
}
