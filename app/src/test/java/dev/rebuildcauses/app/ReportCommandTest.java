package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.RuleSet;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.Commit;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.harvest.store.BuildStore;
import dev.rebuildcauses.harvest.store.StoredBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final Instant MARCH_1 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void storeWithFourBuilds() throws Exception {
        // images/a: #1 first build (1 Mar), #2 changes the Dockerfile (2 Mar), #3 no new commit (3 Mar);
        // tools/b: #1 first build (2 Mar)
        config = dir.resolve("rebuild-causes.yml");
        Files.writeString(
                config,
                """
                jenkins: {url: "http://ci.example.com/"}
                changes: {source: git, repositories: {"**": /srv/mirrors/all.git}}
                """);
        try (BuildStore store = BuildStore.open("jdbc:h2:file:" + dir.resolve("rebuild-causes-data/store"))) {
            store.save(
                    "images/a",
                    List.of(
                            stored("images/a", 1, 0, ChangeRange.firstBuild("r1")),
                            stored(
                                    "images/a",
                                    2,
                                    1,
                                    ChangeRange.resolved(
                                            "r1",
                                            "r2",
                                            List.of(new Commit("r2", List.of("r1"), "alice", MARCH_1, "base", 1)),
                                            List.of(FileChange.of(ChangeKind.MODIFY, "Dockerfile")))),
                            stored("images/a", 3, 2, ChangeRange.noNewCommit("r2"))),
                    3);
            store.save("tools/b", List.of(stored("tools/b", 1, 1, ChangeRange.firstBuild("t1"))), 1);
        }
    }

    private static StoredBuild stored(String job, long number, int day, ChangeRange range) {
        Build build = new Build(
                job,
                number,
                MARCH_1.plus(Duration.ofDays(day)),
                Duration.ofMinutes(10),
                "SUCCESS",
                "push",
                range.toRevision(),
                "origin/main");
        return new StoredBuild(build, false, "/srv/mirrors/all.git", List.of(), range);
    }

    private List<String> buildRows(Path out) throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("builds.csv"));
        return lines.subList(1, lines.size());
    }

    @Test
    void shouldFailClearlyOnAStoreThatWasNeverHarvestedAndCreateNone() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path otherConfig = elsewhere.resolve("rebuild-causes.yml");
        Files.writeString(otherConfig, "jenkins: {url: \"http://ci.example.com/\"}\nchanges: {source: git}\n");

        CommandRun run = CommandRun.of(
                "report",
                "--config",
                otherConfig.toString(),
                "--out",
                dir.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.NO_STORE.code()).isEqualTo(15);
        assertThat(run.err())
                .startsWith("rebuild-causes: store jdbc:h2:file:")
                .contains("does not exist")
                .contains("run 'rebuild-causes harvest' first");
        assertThat(elsewhere.resolve("rebuild-causes-data/store.mv.db")).doesNotExist();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void shouldReadTheStoreWithoutTheClonesOnlyAHarvestNeeds() throws Exception {
        // Given a config for the git source without changes.repositories
        Files.writeString(config, "jenkins: {url: \"http://ci.example.com/\"}\nchanges: {source: git}\n");

        CommandRun run = CommandRun.of(
                "report",
                "--config",
                config.toString(),
                "--out",
                dir.resolve("out").toString(),
                "-q");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(buildRows(dir.resolve("out"))).hasSize(4);
    }

    @Test
    void shouldWriteTheReportOfEveryStoredBuild() throws Exception {
        Path out = dir.resolve("report");

        CommandRun run = CommandRun.of("report", "--config", config.toString(), "--out", out.toString(), "--quiet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(buildRows(out)).hasSize(4);
        assertThat(String.join("\n", buildRows(out)))
                .contains("environment")
                .contains("no-new-commit")
                .contains("first-build");
        assertThat(out.resolve("summary.txt")).exists();
        assertThat(run.out()).isNotBlank();
    }

    @Test
    void shouldExplainEveryFileAndAdviseEveryJobWithoutALocalClone() throws Exception {
        // Given a store whose jobs map to a clone that is not on this machine, and a code-only build
        try (BuildStore store = BuildStore.open("jdbc:h2:file:" + dir.resolve("rebuild-causes-data/store"))) {
            store.save(
                    "images/a",
                    List.of(stored(
                            "images/a",
                            4,
                            9,
                            ChangeRange.resolved(
                                    "r2",
                                    "r4",
                                    List.of(new Commit("r4", List.of("r2"), "bob", MARCH_1, "fix", 1)),
                                    List.of(FileChange.of(ChangeKind.MODIFY, "app.py"))))),
                    4);
        }
        Path out = dir.resolve("report");

        // When reporting with --explain
        CommandRun run =
                CommandRun.of("report", "--config", config.toString(), "--out", out.toString(), "--explain", "--quiet");

        // Then the rules alone explain the one changed file
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("files.csv")))
                .containsExactly(
                        "job,build,revision,path,cause,reason,enters_image",
                        "images/a,2,r2,Dockerfile,environment,rule 'Dockerfile' (default rules:21),",
                        "images/a,4,r4,app.py,code,rule '*.py' (default rules:"
                                + RuleSet.defaults().rules().stream()
                                        .filter(rule -> rule.glob().text().equals("*.py"))
                                        .findFirst()
                                        .orElseThrow()
                                        .line()
                                + "),");
        // and every job gets the advice that needs no Dockerfile, also printed after the summary
        assertThat(Files.readAllLines(out.resolve("advice.csv")))
                .first()
                .isEqualTo("job,advice,saving_hours_per_month,evidence,action,saving_builds_per_month,rank");
        assertThat(Files.readString(out.resolve("advice.csv"))).contains("images/a,ship-code-separately,");
        assertThat(Files.readString(out.resolve("advice.txt"))).isNotBlank();
        assertThat(run.out())
                .endsWith(Files.readString(out.resolve("advice.txt")).replace("\n", System.lineSeparator()));
    }

    @Test
    void shouldSkipTheAdviceWhenAsked() throws Exception {
        Path out = dir.resolve("report");

        CommandRun run = CommandRun.of(
                "report", "--config", config.toString(), "--out", out.toString(), "--no-advice", "--quiet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("advice.csv")).doesNotExist();
        assertThat(out.resolve("files.csv")).doesNotExist();
        assertThat(run.out())
                .isEqualTo(Files.readString(out.resolve("summary.txt")).replace("\n", System.lineSeparator()));
    }

    @Test
    void shouldLimitTheReportToAJobGlobAndATimeWindow() throws Exception {
        Path out = dir.resolve("report");

        CommandRun run = CommandRun.of(
                "report",
                "--config",
                config.toString(),
                "--out",
                out.toString(),
                "--job",
                "images/*",
                "--since",
                "2026-03-02",
                "--until",
                "2026-03-02",
                "--quiet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(buildRows(out))
                .singleElement()
                .asString()
                .contains("images/a")
                .contains("environment");
    }

    @Test
    void shouldRejectADateItCannotRead() {
        CommandRun run = CommandRun.of(
                "report",
                "--config",
                config.toString(),
                "--out",
                dir.resolve("r").toString(),
                "--since",
                "March");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run.err()).contains("--since: expected a day like 2026-03-01");
    }

    @Test
    void shouldEndWithTheConfigExitCodeAndOneLineOnABadConfig() throws Exception {
        Files.writeString(config, "jenkins: {url: \"http://ci/\"}\nchanges: {source: svn}\n");

        CommandRun run = CommandRun.of(
                "report",
                "--config",
                config.toString(),
                "--out",
                dir.resolve("r").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_CONFIG.code());
        assertThat(run.err())
                .isEqualTo("rebuild-causes: rebuild-causes.yml: changes.source: expected one of git, bitbucket-server, "
                        + "bitbucket-cloud but found 'svn'" + System.lineSeparator());
    }
}
