package dev.rebuildcauses.app.serve;

import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.app.demo.SimulatedHarvest;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.harvest.http.HttpSettings;
import dev.rebuildcauses.harvest.run.HarvestProgress;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.harvest.store.StoredBuild;
import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.SimulatorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A store as the demo makes it (a simulated Jenkins and Bitbucket harvested over HTTP), plus one job
 * whose name and commit message are hostile markup, and the config that names it.
 */
final class DashboardFixture {
    static final String HOSTILE_JOB = "<script>alert(1)</script>";
    static final String HOSTILE_MESSAGE = "Fix the loader <img src=x onerror=alert(2)>";
    static final String HOSTILE_PATH = "src/<b onmouseover=alert(3)>x</b>.py";

    private DashboardFixture() {}

    /** Harvests a small simulated history into {@code jdbc}, adds the hostile job; returns the config file. */
    static Path create(Path folder, String jdbc, int builds) throws HarvestException, IOException {
        Files.createDirectories(folder);
        try (Simulator simulator = Simulator.start(SimulatorOptions.defaults().withBuilds(builds));
                BuildStore store = BuildStore.open(jdbc)) {
            SimulatedHarvest.run(simulator, store, HttpSettings.defaults(), HarvestProgress.NONE);
            addHostileJob(store);
        }
        return writeConfig(folder, jdbc);
    }

    /** A store holding only the hostile job (no harvest: fast); returns the config file. */
    static Path hostileOnly(Path folder) throws HarvestException, IOException {
        Files.createDirectories(folder);
        String jdbc = "jdbc:h2:file:" + folder.resolve("store").toAbsolutePath();
        try (BuildStore store = BuildStore.open(jdbc)) {
            addHostileJob(store);
        }
        return writeConfig(folder, jdbc);
    }

    private static Path writeConfig(Path folder, String jdbc) throws IOException {
        Path config = folder.resolve("rebuild-causes.yml");
        Files.writeString(
                config,
                "jenkins:\n  url: https://ci.example.com/\n"
                        + "changes:\n  source: bitbucket-server\n  url: https://bitbucket.example.com/\n"
                        + "store: " + jdbc + "\n",
                StandardCharsets.UTF_8);
        return config;
    }

    private static void addHostileJob(BuildStore store) throws HarvestException {
        Instant start = Instant.parse("2026-11-10T10:00:00Z");
        String first = "1111111111111111111111111111111111111111";
        String second = "2222222222222222222222222222222222222222";
        Build one = new Build(HOSTILE_JOB, 1, start, Duration.ofMinutes(12), "SUCCESS", "push", first, "main");
        Build two = new Build(
                HOSTILE_JOB,
                2,
                start.plus(Duration.ofHours(3)),
                Duration.ofMinutes(14),
                "SUCCESS",
                "push",
                second,
                "main");
        Commit commit =
                new Commit(second, List.of(first), "mallory <b>bold</b>", start.plusSeconds(600), HOSTILE_MESSAGE, 1);
        store.save(
                HOSTILE_JOB,
                List.of(
                        new StoredBuild(one, false, "", List.of(), ChangeRange.firstBuild(first)),
                        new StoredBuild(
                                two,
                                false,
                                "",
                                List.of(),
                                ChangeRange.resolved(
                                        first,
                                        second,
                                        List.of(commit),
                                        List.of(FileChange.of(ChangeKind.MODIFY, HOSTILE_PATH))))),
                2);
    }
}
