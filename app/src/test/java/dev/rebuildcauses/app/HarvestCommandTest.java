package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarvestCommandTest {
    @TempDir
    Path dir;

    @Test
    void shouldShowExamplesAndExitCodesInItsHelp() {
        CommandRun run = CommandRun.of("harvest", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("--config")
                .contains("rebuild-causes harvest --config rebuild-causes.yml")
                .contains("Exit codes:")
                .contains("the --config file is unreadable or invalid")
                .contains("done; the new builds are in the store")
                .doesNotContain("report is written");
    }

    @Test
    void shouldRequireAConfig() {
        CommandRun run = CommandRun.of("harvest");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("Missing required option: '--config=FILE'");
    }

    @Test
    void shouldSayWhichTokenVariableIsMissingWithoutTouchingTheServer() throws Exception {
        Path config = dir.resolve("rebuild-causes.yml");
        Files.writeString(
                config,
                """
                jenkins: {url: "http://127.0.0.1:9/", user: admin, tokenEnv: REBUILD_CAUSES_TEST_UNSET_TOKEN}
                changes: {source: git, repositories: {"**": /srv/mirror}}
                """);

        CommandRun run = CommandRun.of("harvest", "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_CONFIG.code());
        assertThat(run.err())
                .isEqualTo("rebuild-causes: rebuild-causes.yml: jenkins.tokenEnv: environment variable "
                        + "REBUILD_CAUSES_TEST_UNSET_TOKEN is not set" + System.lineSeparator());
    }

    @Test
    void shouldNameTheUnreachableServerAndExitWithItsCode() throws Exception {
        Path config = dir.resolve("rebuild-causes.yml");
        Files.writeString(
                config,
                """
                jenkins: {url: "http://127.0.0.1:9/"}
                changes: {source: git, repositories: {"**": /srv/mirror}}
                store: store/db
                """
                        .replace("store/db", "jdbc:h2:file:./data/store"));

        CommandRun run = CommandRun.of("harvest", "--config", config.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.UNREACHABLE.code());
        assertThat(run.err())
                .startsWith("rebuild-causes: Jenkins at http://127.0.0.1:9/")
                .contains("cannot connect")
                .doesNotContain("%")
                .doesNotContain("api/json?");
        // a first harvest that brought nothing in leaves no empty store behind
        assertThat(dir.resolve("data/store.mv.db")).doesNotExist();
    }
}
