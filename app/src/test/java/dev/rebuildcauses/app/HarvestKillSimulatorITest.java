package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.harvest.store.JdbcUrls;
import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.SimulatorOptions;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line, harvesting over HTTP from the simulated Jenkins and Bitbucket Server with
 * the default settings (mirror mode: the repositories cloned over git's smart HTTP protocol), is
 * killed (kill -9) at several moments and run again: the store ends exactly as a clean harvest's.
 */
class HarvestKillSimulatorITest {
    private static final Map<String, String> ENV =
            Map.of("JENKINS_TOKEN", "demo-jenkins-token", "BITBUCKET_TOKEN", "demo-bitbucket-token");
    private static final Pattern BUILDS = Pattern.compile("builds ([0-9,]+)");
    private static final List<String> TABLES =
            List.of("jobs", "builds", "build_causes", "range_commits", "range_files", "commits", "harvest_state");

    @TempDir
    Path dir;

    @Test
    void shouldEndAsOneCleanHarvestAfterTheCommandIsKilledAtSeveralMoments() throws Exception {
        SimulatorOptions options = SimulatorOptions.defaults().withBuilds(1500).withLatency(Duration.ofMillis(10));
        try (Simulator simulator = Simulator.start(options)) {
            simulator.serveGit(dir.resolve("served"));
            // Given a clean harvest of the simulated servers
            Path clean = config("clean", simulator);
            new HarvestRunner(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), ENV)
                    .run(clean, true);
            Map<String, List<String>> expected = dump(clean);

            // When another harvest is killed each time it has stored some more builds, five times
            Path killed = config("killed", simulator);
            List<Integer> storedAfterKills = new ArrayList<>();
            for (int builds : new int[] {60, 120, 120, 180, 120}) {
                killAfter(killed, builds);
                storedAfterKills.add(dump(killed).get("builds").size());
            }
            Process last = start(killed);
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String out = new String(last.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            // Then the kills landed mid-harvest and the end state is the clean one, row for row
            assertThat(last.exitValue()).as(out).isZero();
            assertThat(out).startsWith("harvested ");
            assertThat(storedAfterKills)
                    .isSorted()
                    .allMatch(n -> n < expected.get("builds").size());
            assertThat(storedAfterKills.get(storedAfterKills.size() - 1)).isPositive();
            assertThat(dump(killed)).isEqualTo(expected);
            assertThat(expected.get("builds")).hasSize(simulator.history().buildCount());
        }
    }

    private Path config(String name, Simulator simulator) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Path file = folder.resolve("rebuild-causes.yml");
        Files.writeString(
                file,
                """
                jenkins: {url: "%s", user: demo, tokenEnv: JENKINS_TOKEN}
                changes: {source: bitbucket-server, url: "%s", tokenEnv: BITBUCKET_TOKEN}
                """
                        .formatted(simulator.jenkinsUrl(), simulator.bitbucketUrl()));
        return file;
    }

    private Process start(Path config) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                // the test reads the progress bar to know when to kill; there is no terminal here
                "-Drebuild-causes.progress=always",
                Main.class.getName(),
                "harvest",
                "--config",
                config.toString());
        builder.environment().putAll(ENV);
        return builder.start();
    }

    /** Runs the command and kills it once its progress bar shows at least {@code builds} builds. */
    private void killAfter(Path config, int builds) throws Exception {
        Process process = start(config);
        StringBuilder seen = new StringBuilder();
        try (InputStream err = process.getErrorStream()) {
            int c;
            while ((c = err.read()) >= 0) {
                seen.append((char) c);
                if (c == '\r' && passed(seen, builds)) {
                    process.destroyForcibly();
                    break;
                }
            }
        } finally {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(passed(seen, builds))
                .as("killed mid-harvest; stderr: %s", seen)
                .isTrue();
    }

    private static boolean passed(StringBuilder progress, int builds) {
        Matcher matcher = BUILDS.matcher(progress);
        int last = -1;
        while (matcher.find()) {
            last = Integer.parseInt(matcher.group(1).replace(",", ""));
        }
        return last >= builds;
    }

    private static Map<String, List<String>> dump(Path config) throws SQLException {
        String url = "jdbc:h2:file:" + config.getParent().resolve("rebuild-causes-data/store");
        Map<String, List<String>> dump = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(JdbcUrls.withSafeH2Settings(url));
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
                } catch (SQLException e) {
                    // a kill before the schema was committed leaves an empty database
                    if (e.getErrorCode() != 42104) {
                        throw e;
                    }
                }
                rows.sort(null);
                dump.put(table, rows);
            }
        }
        return dump;
    }
}
