package dev.rebuildcauses.app.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.service.StoreSnapshot;
import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.SimulatorOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduledHarvestITest {
    @TempDir
    Path folder;

    @Test
    void shouldHarvestOnScheduleAndSayWhenOnThePages() throws Exception {
        // Given a simulated Jenkins and Bitbucket and an empty store
        SimulatorOptions options = SimulatorOptions.defaults().withBuilds(150);
        try (Simulator simulator = Simulator.start(options)) {
            Path config = folder.resolve("rebuild-causes.yml");
            Files.writeString(
                    config,
                    "jenkins:\n  url: " + simulator.jenkinsUrl() + "\n  user: " + options.jenkinsUser()
                            + "\n  tokenEnv: JT\n"
                            + "changes:\n  source: bitbucket-server\n  url: " + simulator.bitbucketUrl()
                            + "\n  tokenEnv: BT\n"
                            + "store: jdbc:h2:file:" + folder.resolve("store").toAbsolutePath() + "\n");
            StringWriter log = new StringWriter();
            PrintWriter logger = new PrintWriter(log, true);
            Map<String, String> environment = Map.of("JT", options.jenkinsToken(), "BT", options.bitbucketToken());

            // When the server starts with a harvest every 300 ms
            try (ServeRunner.Running running = new ServeRunner(logger, logger, environment)
                    .start(new ServeConfig(config, "127.0.0.1", 0, null, null, true, Duration.ofMillis(300)))) {
                assertThat(running.snapshots().current().orElseThrow().index().jobs())
                        .isEmpty();
                StoreSnapshot harvested = awaitHarvest(running);

                // Then the snapshot holds the harvested builds, and the pages say when they were harvested
                assertThat(harvested.index().buildCount()).isGreaterThan(100);
                String page = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(running.server().url()).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                assertThat(page).contains("Data last harvested 20");
                assertThat(log.toString())
                        .contains("scheduled harvest: harvested ")
                        .doesNotContain(options.jenkinsToken());
            }
        }
    }

    private static StoreSnapshot awaitHarvest(ServeRunner.Running running) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            StoreSnapshot snapshot = running.snapshots().current().orElseThrow();
            if (snapshot.lastHarvest().isPresent()) {
                return snapshot;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no scheduled harvest within 60 s");
    }
}
