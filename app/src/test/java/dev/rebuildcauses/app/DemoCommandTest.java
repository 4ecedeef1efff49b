package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {
    @TempDir
    Path folder;

    @Test
    void shouldParseItsOptionsIntoAConfiguration() {
        DemoCommand command = new DemoCommand();
        new CommandLine(command)
                .parseArgs("--out", "r", "--data", "d", "--quiet", "--latency-ms", "20", "--builds", "500");

        assertThat(command.config())
                .isEqualTo(new DemoConfig(Path.of("r"), Path.of("d"), true, 20, 500, 42, true, 8484));
    }

    @Test
    void shouldHarvestTheSimulatorAndPrintTheReport() throws IOException {
        // Given an output folder and a data folder to keep the store in
        Path out = folder.resolve("report");
        Path data = folder.resolve("data");

        // When the demo runs on a small history
        CommandRun run = CommandRun.demo(out, data, 400);

        // Then it prints the harvest line and the summary, writes the report and keeps the config and store
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("harvested ").contains("Data quality: 0 builds with an unknown change range");
        assertThat(run.err()).isEmpty();
        List<String> builds = Files.readAllLines(out.resolve("builds.csv"));
        assertThat(builds.size() - 1).isBetween(390, 410);
        assertThat(builds).anyMatch(line -> line.startsWith("services/webapp/feature/x,"));
        assertThat(Files.readString(data.resolve("rebuild-causes.yml")))
                .contains("tokenEnv: DEMO_JENKINS_TOKEN")
                .doesNotContain("demo-jenkins-token")
                .doesNotContain("demo-bitbucket-token");
        assertThat(data.resolve("store.mv.db")).exists();
        // harvested in mirror mode: the report reads the Dockerfiles from the mirrors, so the
        // Dockerfile-based advice is there with no hand-made mapping
        assertThat(data.resolve("rebuild-causes-data/mirrors")).isDirectory();
        assertThat(Files.readString(out.resolve("advice.csv")))
                .contains("base-image")
                .contains("reorder-cache");
    }

    @Test
    void shouldDescribeItselfWithItsExitCodes() {
        CommandRun run = CommandRun.of("demo", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--latency-ms").contains("Exit codes:").contains("wrong arguments or options");
    }

    @Test
    void shouldRefuseAnAbsurdHistorySize() {
        CommandRun run = CommandRun.of("demo", "--builds", "5", "--out", folder.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("--builds must be between 100 and 200000");
    }
}
