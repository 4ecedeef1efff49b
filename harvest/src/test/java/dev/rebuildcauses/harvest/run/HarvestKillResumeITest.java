package dev.rebuildcauses.harvest.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.harvest.store.StoreDump;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A harvest killed (kill -9) at several moments and run again ends exactly as one clean harvest. */
class HarvestKillResumeITest {
    @TempDir
    Path dir;

    @Test
    void shouldEndAsOneCleanHarvestAfterBeingKilledAtSeveralMoments() throws Exception {
        // Given a clean harvest in one store
        String clean = "jdbc:h2:file:" + dir.resolve("clean/store");
        assertThat(runToEnd(clean)).startsWith("done harvested 240 new builds of 4 jobs");
        Map<String, List<String>> expected = StoreDump.of(clean);

        // When another store's harvest is killed after a number of handled builds, five times over
        String killed = "jdbc:h2:file:" + dir.resolve("killed/store");
        List<Integer> buildsStored = new ArrayList<>();
        for (int killAfter : new int[] {7, 23, 35, 51, 64}) {
            runAndKill(killed, killAfter);
            buildsStored.add(StoreDump.of(killed).get("builds").size());
        }
        String last = runToEnd(killed);

        // Then the kills landed mid-harvest, each run went further, and the end state is the clean one
        assertThat(buildsStored).allMatch(n -> n < 240);
        assertThat(buildsStored).isSorted();
        assertThat(buildsStored.get(buildsStored.size() - 1)).isPositive();
        assertThat(last).startsWith("done harvested ");
        assertThat(StoreDump.of(killed)).isEqualTo(expected);
        assertThat(expected.get("builds")).hasSize(240);
        assertThat(expected.get("harvest_state"))
                .containsExactlyInAnyOrder(
                        "images/job0 | 60", "images/job1 | 60", "images/job2 | 60", "images/job3 | 60");
    }

    private Process start(String url) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                        HarvestChild.class.getName(),
                        url,
                        "4")
                .redirectErrorStream(true)
                .start();
    }

    private String runToEnd(String url) throws Exception {
        Process process = start(url);
        String last = "";
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
            }
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("child output: %s", last).isZero();
        return last;
    }

    private void runAndKill(String url, int afterBuilds) throws Exception {
        Process process = start(url);
        int seen = 0;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("build ") && ++seen >= afterBuilds) {
                    process.destroyForcibly();
                    break;
                }
            }
        } finally {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(seen).as("the child must be killed mid-harvest").isEqualTo(afterBuilds);
    }
}
