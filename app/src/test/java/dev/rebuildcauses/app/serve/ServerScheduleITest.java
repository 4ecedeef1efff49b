package dev.rebuildcauses.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rebuildcauses.app.HarvestRunner;
import dev.rebuildcauses.service.StoreSnapshot;
import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.SimulatorOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} runs what the config schedules: the harvest and the exports, and says so on the overview. */
class ServerScheduleITest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    @Test
    void shouldHarvestAndExportOnTheConfigsScheduleAndShowEachRunOnTheOverview() throws Exception {
        // Given a simulated Jenkins and Bitbucket, an empty store, a harvest and a working export every
        // second, and an export whose target folder is blocked by a file
        SimulatorOptions options = SimulatorOptions.defaults().withBuilds(150);
        try (Simulator simulator = Simulator.start(options)) {
            Path blocked = folder.resolve("blocked");
            Files.writeString(blocked, "a file where the folder should be");
            Path config = writeConfig(
                    simulator,
                    options,
                    """
                    harvest:
                      schedule: "* * * * * *"
                    exports:
                      - name: every-second
                        schedule: "* * * * * *"
                        files: [causes]
                        target: exports/every-second
                        keep: 2
                      - name: blocked
                        schedule: "* * * * * *"
                        files: [jobs]
                        target: blocked
                    """);
            StringWriter log = new StringWriter();
            PrintWriter logger = new PrintWriter(log, true);

            // When the server starts (the store is empty until the first scheduled harvest)
            try (ServeRunner.Running running = new ServeRunner(logger, logger, environment(options))
                    .start(new ServeConfig(config, "127.0.0.1", 0, null, null, true))) {
                assertThat(running.snapshots().current().orElseThrow().index().jobs())
                        .isEmpty();
                await("a scheduled harvest", () -> running.snapshots()
                        .current()
                        .orElseThrow()
                        .lastHarvest()
                        .isPresent());
                StoreSnapshot harvested = running.snapshots().current().orElseThrow();
                await(
                        "the working export to write its files",
                        () -> exportedFiles(folder.resolve("exports/every-second")) >= 2);

                // Then the snapshot holds the harvested builds, and the pages say when they were harvested
                assertThat(harvested.index().buildCount()).isGreaterThan(100);
                String page = get(running.server().url());
                assertThat(page).contains("Data last harvested 20");

                // and the overview's JSON shows the harvest and both exports: two working, one failing with its cause
                JsonNode exports = new ObjectMapper()
                        .readTree(get(running.server().url().resolve("/api/overview")))
                        .get("exports");
                Map<String, JsonNode> byName = new java.util.HashMap<>();
                exports.forEach(row -> byName.put(row.get("name").asText(), row));
                assertThat(byName).containsOnlyKeys("harvest", "every-second", "blocked");
                assertThat(byName.get("harvest").get("outcome").asText()).isEqualTo("ok");
                assertThat(byName.get("every-second").get("outcome").asText()).isEqualTo("ok");
                assertThat(byName.get("blocked").get("outcome").asText()).isEqualTo("failed");
                assertThat(byName.get("blocked").get("detail").asText())
                        .startsWith("export blocked: cannot write " + blocked);
                assertThat(byName.get("blocked").get("nextRun").asText()).startsWith("20");
                assertThat(page).contains("every-second").contains("export blocked: cannot write");

                // and the failing export stopped neither the server nor the others
                assertThat(get(running.server().url().resolve("/health"))).isEqualTo("ok");
                assertThat(log.toString())
                        .contains("scheduled harvest: harvested ")
                        .doesNotContain(options.jenkinsToken())
                        .doesNotContain(options.bitbucketToken());
            }
        }
    }

    @Test
    void shouldSayWhenTheStoreWasLastHarvestedEvenByAnotherProcess() throws Exception {
        // Given a store harvested by the harvest command, not by this server
        SimulatorOptions options = SimulatorOptions.defaults().withBuilds(60);
        try (Simulator simulator = Simulator.start(options)) {
            Path config = writeConfig(simulator, options, "");
            StringWriter quiet = new StringWriter();
            new HarvestRunner(new PrintWriter(quiet), new PrintWriter(quiet), environment(options)).run(config, true);

            // When a server starts over it, with no schedule of its own
            try (ServeRunner.Running running = new ServeRunner(
                            new PrintWriter(quiet), new PrintWriter(quiet), environment(options))
                    .start(new ServeConfig(config, "127.0.0.1", 0, null, null, true))) {
                // Then every page says when the store was harvested
                assertThat(running.snapshots().current().orElseThrow().lastHarvest())
                        .isPresent();
                assertThat(get(running.server().url().resolve("/jobs"))).contains("Data last harvested 20");
                assertThat(get(running.server().url())).contains("Nothing scheduled");
            }
        }
    }

    @Test
    void shouldListenWhereTheConfigsServerSectionSaysUnlessAnOptionOverridesIt() throws Exception {
        // Given a config whose server section names a port, and a token in a file
        SimulatorOptions options = SimulatorOptions.defaults().withBuilds(20);
        try (Simulator simulator = Simulator.start(options)) {
            int port;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
            Path token = folder.resolve("dashboard.token");
            Files.writeString(token, "s3cret-dashboard-token\n");
            Path config =
                    writeConfig(simulator, options, "server:\n  port: " + port + "\n  tokenFile: " + token + "\n");
            StringWriter quiet = new StringWriter();
            ServeRunner runner = new ServeRunner(new PrintWriter(quiet), new PrintWriter(quiet), environment(options));

            // When served with no options, then with --port 0
            try (ServeRunner.Running running = runner.start(new ServeConfig(config, null, null, null, null, true))) {
                // Then it listens on the config's port and asks for the config's token
                assertThat(running.server().url().getPort()).isEqualTo(port);
                HttpResponse<String> refused = HTTP.send(
                        HttpRequest.newBuilder(running.server().url()).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).isEqualTo(401);
                HttpResponse<String> allowed = HTTP.send(
                        HttpRequest.newBuilder(running.server().url())
                                .header("Authorization", "Bearer s3cret-dashboard-token")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(allowed.statusCode()).isEqualTo(200);
                assertThat(allowed.body()).doesNotContain("s3cret-dashboard-token");
            }
            try (ServeRunner.Running running = runner.start(new ServeConfig(config, null, 0, null, null, true))) {
                assertThat(running.server().url().getPort()).isNotEqualTo(port);
            }
        }
    }

    private Path writeConfig(Simulator simulator, SimulatorOptions options, String more) throws Exception {
        Path config = folder.resolve("rebuild-causes.yml");
        Files.writeString(
                config,
                "jenkins:\n  url: " + simulator.jenkinsUrl() + "\n  user: " + options.jenkinsUser()
                        + "\n  tokenEnv: JT\n"
                        + "changes:\n  source: bitbucket-server\n  url: " + simulator.bitbucketUrl()
                        + "\n  tokenEnv: BT\n  mirror: false\n"
                        + "store: jdbc:h2:file:" + folder.resolve("store").toAbsolutePath() + "\n"
                        + more);
        return config;
    }

    private static Map<String, String> environment(SimulatorOptions options) {
        return Map.of("JT", options.jenkinsToken(), "BT", options.bitbucketToken());
    }

    private static String get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static long exportedFiles(Path target) {
        if (!Files.isDirectory(target)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().startsWith("causes-20"))
                    .count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // e.g. a folder listed while an export renames into it: look again
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + what + " within 90 s");
    }
}
