package dev.rebuildcauses.harvest.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.rebuildcauses.analysis.dockerfile.BaseImageProposal;
import dev.rebuildcauses.analysis.dockerfile.BaseImageProposer;
import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.dockerfile.DockerfileRevision;
import dev.rebuildcauses.analysis.dockerfile.InstructionStability;
import dev.rebuildcauses.analysis.dockerfile.InstructionStabilityMiner;
import dev.rebuildcauses.analysis.dockerfile.StabilityTable;
import dev.rebuildcauses.harvest.changes.HarvestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitDockerfileHistoryReaderTest {
    private static final Instant DAY0 = Instant.parse("2026-01-05T10:00:00Z");

    @TempDir
    Path repo;

    private static Instant day(int n) {
        return DAY0.plus(Duration.ofDays(n));
    }

    private void git(Instant when, String... arguments) throws IOException, InterruptedException {
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
        assertThat(process.waitFor()).as("git %s: %s", command, output).isZero();
    }

    private void commit(int dayNumber, String path, String... lines) throws IOException, InterruptedException {
        Path file = repo.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        git(day(dayNumber), "add", "-A");
        git(day(dayNumber), "commit", "-q", "-m", "day " + dayNumber);
    }

    private static String[] dockerfile(String first, String second, String pip, String build) {
        return new String[] {
            "FROM python:3.12-slim",
            "RUN apt-get update && apt-get install -y build-essential",
            first,
            second,
            "COPY requirements.txt .",
            pip,
            "COPY . .",
            build,
            "CMD [\"python\", \"main.py\"]"
        };
    }

    /**
     * A Dockerfile with a stable prefix, an often-edited ENV (days 10, 20, 95), a reorder of
     * WORKDIR and ENV (day 20), a recent pip edit (day 90) and a rename (day 97).
     */
    private void evolvingRepository() throws IOException, InterruptedException {
        git(day(0), "init", "-q", "-b", "main");
        String pip = "RUN pip install -r requirements.txt";
        commit(0, "Dockerfile", dockerfile("ENV APP_HOME=/app", "WORKDIR /app", pip, "ENV BUILD=1"));
        commit(10, "Dockerfile", dockerfile("ENV APP_HOME=/app", "WORKDIR /app", pip, "ENV BUILD=2"));
        commit(20, "Dockerfile", dockerfile("WORKDIR /app", "ENV APP_HOME=/app", pip, "ENV BUILD=3"));
        commit(30, "README.md", "# app");
        String newPip = "RUN pip install --no-cache-dir -r requirements.txt";
        commit(90, "Dockerfile", dockerfile("WORKDIR /app", "ENV APP_HOME=/app", newPip, "ENV BUILD=3"));
        commit(95, "Dockerfile", dockerfile("WORKDIR /app", "ENV APP_HOME=/app", newPip, "ENV BUILD=4"));
        commit(96, "tools/Containerfile", "FROM alpine");
        commit(96, "docs/Dockerfile.example", "FROM alpine");
        commit(96, "notes/notDockerfile.txt", "no");
        Files.createDirectories(repo.resolve("docker"));
        git(day(97), "mv", "Dockerfile", "docker/app.Dockerfile");
        git(day(97), "commit", "-q", "-m", "move");
    }

    @Test
    void shouldListTheDockerfilesOfARevision() throws Exception {
        evolvingRepository();

        List<String> paths = new GitDockerfileHistoryReader(repo).dockerfiles("HEAD");

        assertThat(paths).containsExactly("docker/app.Dockerfile", "docs/Dockerfile.example", "tools/Containerfile");
    }

    @Test
    void shouldReadEveryRevisionOldestFirstAcrossTheRename() throws Exception {
        evolvingRepository();

        DockerfileHistory history = new GitDockerfileHistoryReader(repo).history("HEAD", "docker/app.Dockerfile");

        assertThat(history.path()).isEqualTo("docker/app.Dockerfile");
        assertThat(history.revisions())
                .extracting(DockerfileRevision::time)
                .containsExactly(day(0), day(10), day(20), day(90), day(95), day(97));
        assertThat(history.revisions().get(0).content()).contains("ENV BUILD=1\n");
        assertThat(history.current().content()).contains("ENV BUILD=4\n");
    }

    @Test
    void shouldMineTheHistoryIntoTheExactProposal() throws Exception {
        // Given the evolving repository, judged on day 100 with an 8-week window (threshold day 44)
        evolvingRepository();
        DockerfileHistory history = new GitDockerfileHistoryReader(repo).history("HEAD", "docker/app.Dockerfile");

        // When its stability is mined and a base image proposed
        StabilityTable table = InstructionStabilityMiner.mine(history, day(100), Duration.ofDays(56));
        BaseImageProposal proposal =
                BaseImageProposer.propose(table, "app-base:latest").orElseThrow();

        // Then the moved ENV and the edited ENV and pip lines carry their changes
        assertThat(table.rows())
                .extracting(
                        r -> r.instruction().line(), InstructionStability::changes, InstructionStability::lastChanged)
                .containsExactly(
                        tuple(1, 0, day(0)),
                        tuple(2, 0, day(0)),
                        tuple(3, 0, day(0)),
                        tuple(4, 1, day(20)),
                        tuple(5, 0, day(0)),
                        tuple(6, 1, day(90)),
                        tuple(7, 0, day(0)),
                        tuple(8, 3, day(95)),
                        tuple(9, 0, day(0)));
        // and the prefix stops at the recently edited pip line
        assertThat(proposal.baseDockerfile())
                .isEqualTo(
                        """
                # Generated by rebuild-causes from docker/app.Dockerfile: its stable prefix (unchanged for 8 weeks), to build as app-base:latest
                FROM python:3.12-slim
                RUN apt-get update && apt-get install -y build-essential
                WORKDIR /app
                ENV APP_HOME=/app
                COPY requirements.txt .
                """);
        assertThat(proposal.dockerfile())
                .isEqualTo(
                        """
                # Generated by rebuild-causes from docker/app.Dockerfile: the rest, on top of app-base:latest
                FROM app-base:latest
                RUN pip install --no-cache-dir -r requirements.txt
                COPY . .
                ENV BUILD=4
                CMD ["python", "main.py"]
                """);
    }

    @Test
    void shouldReadAllHistoriesOfARevision() throws Exception {
        evolvingRepository();

        List<DockerfileHistory> histories = new GitDockerfileHistoryReader(repo).histories("HEAD");

        assertThat(histories)
                .extracting(DockerfileHistory::path, h -> h.revisions().size())
                .containsExactly(
                        tuple("docker/app.Dockerfile", 6),
                        tuple("docs/Dockerfile.example", 1),
                        tuple("tools/Containerfile", 1));
    }

    @Test
    void shouldTakeTheCommitsFromAWalkWithoutMergesAsGitLogFollowGivesThem() throws Exception {
        git(day(0), "init", "-q", "-b", "main");
        commit(0, "Dockerfile", "FROM python:3.12-slim", "ENV BUILD=1");
        commit(1, "tools/Containerfile", "FROM alpine");
        commit(10, "Dockerfile", "FROM python:3.12-slim", "ENV BUILD=2");
        commit(20, "README.md", "# app");
        commit(30, "Dockerfile", "FROM python:3.13-slim", "ENV BUILD=2");
        String head = head();
        FirstParentHistory walked = GitRepository.open(repo).firstParentHistory("main", WalkProgress.NONE);
        GitDockerfileHistoryReader reader = new GitDockerfileHistoryReader(repo);

        assertThat(WalkedDockerfileCommits.of(walked, head, reader.dockerfiles(head)))
                .containsOnlyKeys("Dockerfile", "tools/Containerfile");
        assertThat(reader.histories(head, walked, Map.of())).isEqualTo(reader.histories(head));
        assertThat(reader.histories(head, walked, Map.of()).get(0).revisions())
                .extracting(DockerfileRevision::time)
                .containsExactly(day(0), day(10), day(30));
    }

    @Test
    void shouldLeaveToGitTheDockerfilesAWalkCannotFollowForSure() throws Exception {
        evolvingRepository(); // renames Dockerfile to docker/app.Dockerfile on day 97
        commit(98, "tools/Containerfile", "FROM alpine:3.20");
        git(day(99), "rm", "-q", "docs/Dockerfile.example");
        git(day(99), "commit", "-q", "-m", "drop the example");
        commit(100, "docs/Dockerfile.example", "FROM alpine");
        String head = head();
        FirstParentHistory walked = GitRepository.open(repo).firstParentHistory("main", WalkProgress.NONE);
        GitDockerfileHistoryReader reader = new GitDockerfileHistoryReader(repo);

        // the renamed one and the one deleted and added again are git's to follow
        assertThat(WalkedDockerfileCommits.of(walked, head, reader.dockerfiles(head)))
                .containsOnlyKeys("tools/Containerfile");
        assertThat(reader.histories(head, walked, Map.of())).isEqualTo(reader.histories(head));
        assertThat(reader.histories(head, walked, Map.of()))
                .extracting(DockerfileHistory::path, h -> h.revisions().size())
                .containsExactly(
                        tuple("docker/app.Dockerfile", 6),
                        tuple("docs/Dockerfile.example", 2),
                        tuple("tools/Containerfile", 2));
    }

    @Test
    void shouldTakeTheCommitsFromAWalkWithMergesThatChangedNoDockerfile() throws Exception {
        git(day(0), "init", "-q", "-b", "main");
        commit(0, "Dockerfile", "FROM python:3.12-slim");
        git(day(1), "checkout", "-q", "-b", "side");
        commit(1, "src/app.py", "print(1)");
        commit(2, "src/app.py", "print(2)");
        git(day(3), "checkout", "-q", "main");
        commit(3, "Dockerfile", "FROM python:3.13-slim");
        git(day(4), "merge", "-q", "--no-ff", "-m", "merge side", "side");
        commit(5, "Dockerfile", "FROM python:3.14-slim");
        String head = head();
        FirstParentHistory walked = GitRepository.open(repo).firstParentHistory("main", WalkProgress.NONE);
        GitDockerfileHistoryReader reader = new GitDockerfileHistoryReader(repo);

        assertThat(WalkedDockerfileCommits.of(walked, head, List.of("Dockerfile")))
                .containsOnlyKeys("Dockerfile");
        assertThat(reader.histories(head, walked, Map.of())).isEqualTo(reader.histories(head));
        assertThat(reader.histories(head, walked, Map.of()).get(0).revisions())
                .extracting(DockerfileRevision::time)
                .containsExactly(day(0), day(3), day(5));
    }

    @Test
    void shouldLeaveToGitADockerfileChangedOffTheChainOrByAMerge() throws Exception {
        git(day(0), "init", "-q", "-b", "main");
        commit(0, "Dockerfile", "FROM python:3.12-slim");
        commit(0, "tools/Containerfile", "FROM alpine");
        String first = head();
        git(day(1), "checkout", "-q", "-b", "side");
        commit(1, "Dockerfile", "FROM python:3.13-slim");
        commit(2, "Dockerfile", "FROM python:3.12-slim"); // back as it was: the merge's diff does not name it
        commit(2, "tools/Containerfile", "FROM alpine:3.20");
        git(day(3), "checkout", "-q", "main");
        commit(3, "README.md", "# app");
        git(day(4), "merge", "-q", "--no-ff", "-m", "merge side", "side");
        String head = head();
        FirstParentHistory walked = GitRepository.open(repo).firstParentHistory("main", WalkProgress.NONE);
        GitDockerfileHistoryReader reader = new GitDockerfileHistoryReader(repo);

        assertThat(WalkedDockerfileCommits.of(walked, head, reader.dockerfiles(head)))
                .isEmpty();
        assertThat(reader.histories(head, walked, Map.of())).isEqualTo(reader.histories(head));
        assertThat(reader.histories(head, walked, Map.of()))
                .extracting(DockerfileHistory::path, h -> h.revisions().size())
                .containsExactly(tuple("Dockerfile", 3), tuple("tools/Containerfile", 2));
        FirstParentHistory older = GitRepository.open(repo).firstParentHistory(first, WalkProgress.NONE);
        assertThat(WalkedDockerfileCommits.of(older, head, List.of("Dockerfile")))
                .isEmpty();
    }

    @Test
    void shouldTakeTheContentsOfTheWalkedCommitsFromTheTextsReadAlongTheWalk() throws Exception {
        git(day(0), "init", "-q", "-b", "main");
        commit(0, "Dockerfile", "FROM python:3.12-slim");
        commit(1, "README.md", "# app");
        commit(3, "Dockerfile", "FROM python:3.13-slim");
        commit(4, "tools/Containerfile", "FROM alpine");
        String head = head();
        FirstParentHistory walked = GitRepository.open(repo)
                .firstParentHistory("main", WalkProgress.NONE, GitDockerfileHistoryReader::isDockerfile);
        Map<String, String> texts = walked.takeTextsReadAlong();
        GitDockerfileHistoryReader reader = new GitDockerfileHistoryReader(repo);
        assertThat(texts).containsKeys(walked.id(0) + ":Dockerfile", walked.id(2) + ":Dockerfile");

        // the texts read along hold every version: the same histories as git's, without asking git
        assertThat(reader.histories(head, walked, texts)).isEqualTo(reader.histories(head));
        // with a text missing, that Dockerfile's versions are read from git
        Map<String, String> fewer = new HashMap<>(texts);
        fewer.remove(walked.id(2) + ":Dockerfile");
        assertThat(reader.histories(head, walked, fewer)).isEqualTo(reader.histories(head));
        // and a text read along is taken as it is: a different one would show
        Map<String, String> other = new HashMap<>(texts);
        other.put(walked.id(2) + ":Dockerfile", "FROM scratch\n");
        assertThat(reader.histories(head, walked, other).get(0).current().content())
                .isEqualTo("FROM scratch\n");
    }

    private String head() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("git", "-C", repo.toString(), "rev-parse", "HEAD").start();
        String id = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).isZero();
        return id;
    }

    @Test
    void shouldFailWithContextForAnUnknownRevision() throws Exception {
        evolvingRepository();
        GitDockerfileHistoryReader reader = new GitDockerfileHistoryReader(repo);

        assertThatThrownBy(() -> reader.dockerfiles("no-such-revision"))
                .isInstanceOf(HarvestException.class)
                .hasMessageStartingWith("git ls-tree -r --name-only -z no-such-revision failed in " + repo)
                .satisfies(
                        e -> assertThat(((HarvestException) e).kind()).isEqualTo(HarvestException.FailureKind.LOCAL));
        assertThatThrownBy(() -> new GitDockerfileHistoryReader(repo.resolve("absent")).dockerfiles("HEAD"))
                .isInstanceOf(HarvestException.class)
                .hasMessageContaining("no repository at");
    }

    @Test
    void shouldRecogniseDockerfileNames() {
        assertThat(List.of("Dockerfile", "a/b/Dockerfile.gpu", "x/app.Dockerfile", "Containerfile", "dockerfile"))
                .allMatch(GitDockerfileHistoryReader::isDockerfile);
        assertThat(List.of(
                        "Dockerfile-notes.md",
                        "docs/dockerfiles.md",
                        "README.md",
                        "MyDockerfile",
                        "src/model/Dockerfile.java",
                        "Dockerfile.ppc64le.patch"))
                .noneMatch(GitDockerfileHistoryReader::isDockerfile);
    }
}
