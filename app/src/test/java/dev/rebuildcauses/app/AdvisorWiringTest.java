package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.advice.AdviceKind;
import dev.rebuildcauses.analysis.advice.AdvisorSettings;
import dev.rebuildcauses.analysis.advice.LayeringAdvisor;
import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.model.Build;
import dev.rebuildcauses.analysis.model.CauseSet;
import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.analysis.model.ClassifiedBuild;
import dev.rebuildcauses.harvest.git.GitDockerfileHistoryReader;
import dev.rebuildcauses.report.advice.AdviceReportWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How scan and report wire the advisor: git histories and classified builds in, advice.csv and proposals out. */
class AdvisorWiringTest {
    private static final Instant DAY0 = Instant.parse("2026-02-02T08:00:00Z");

    @TempDir
    Path repo;

    @TempDir
    Path out;

    private void git(Instant when, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        String date = when.getEpochSecond() + " +0000";
        builder.environment()
                .putAll(Map.of(
                        "GIT_AUTHOR_NAME",
                        "Ada",
                        "GIT_AUTHOR_EMAIL",
                        "ada@example.org",
                        "GIT_COMMITTER_NAME",
                        "Ada",
                        "GIT_COMMITTER_EMAIL",
                        "ada@example.org",
                        "GIT_AUTHOR_DATE",
                        date,
                        "GIT_COMMITTER_DATE",
                        date));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s: %s", command, output).isZero();
    }

    @Test
    void shouldWriteAdviceCsvAndProposalsFromARepositoryAndItsBuilds() throws Exception {
        // Given a repository whose Dockerfile copies the code before installing, 90 days old
        git(DAY0, "init", "-q", "-b", "main");
        Files.writeString(
                repo.resolve("Dockerfile"),
                "FROM python:3.12-slim\nRUN apt-get update && apt-get install -y libpq5\nWORKDIR /app\n"
                        + "COPY . .\nRUN pip install -r requirements.txt\nCMD [\"python\", \"main.py\"]\n");
        git(DAY0, "add", "-A");
        git(DAY0, "commit", "-q", "-m", "image");
        // and ten code-only builds of 20 minutes over the following 90 days
        List<ClassifiedBuild> builds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant start = DAY0.plus(Duration.ofDays(10L * i));
            builds.add(new ClassifiedBuild(
                    new Build("team/app", i + 1, start, Duration.ofMinutes(20), "SUCCESS", "push", "r" + i, "main"),
                    ChangeRange.resolved("r" + (i - 1), "r" + i, List.of(), List.of()),
                    CauseSet.of("code")));
        }

        // When the histories are read, the advisor runs and the report is written
        List<DockerfileHistory> histories = new GitDockerfileHistoryReader(repo).histories("HEAD");
        List<Advice> advice = LayeringAdvisor.advise("team/app", builds, histories, AdvisorSettings.defaults());
        List<Path> written = AdviceReportWriter.write(advice, out);

        // Then advice.csv has a row per advice and the proposals sit under proposals/team_app
        assertThat(advice)
                .extracting(Advice::kind)
                .contains(AdviceKind.SHIP_CODE_SEPARATELY, AdviceKind.BASE_IMAGE, AdviceKind.REORDER_CACHE);
        List<String> rows = Files.readAllLines(out.resolve("advice.csv"));
        assertThat(rows.get(0))
                .isEqualTo("job,advice,saving_hours_per_month,evidence,action,saving_builds_per_month,rank");
        assertThat(String.join("\n", rows)).contains("team/app,base-image,", "team/app,reorder-cache,");
        Path proposals = out.resolve("proposals/team_app");
        assertThat(written)
                .contains(
                        proposals.resolve("Dockerfile.base"),
                        proposals.resolve("Dockerfile"),
                        proposals.resolve("Dockerfile.reordered"));
        assertThat(Files.readString(proposals.resolve("Dockerfile.reordered")))
                .contains("COPY requirements.txt /app/\nRUN pip install -r requirements.txt\nCOPY . .\n");
        assertThat(Files.readString(proposals.resolve("Dockerfile"))).contains("FROM team/app-base:latest\nCOPY . .\n");
    }
}
