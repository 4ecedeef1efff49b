package dev.rebuildcauses.simulator.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rebuildcauses.analysis.model.ChangeKind;
import dev.rebuildcauses.analysis.model.FileChange;
import dev.rebuildcauses.simulator.Simulator;
import dev.rebuildcauses.simulator.SimulatorOptions;
import dev.rebuildcauses.simulator.history.SimulatedBuild;
import dev.rebuildcauses.simulator.history.SimulatedCommit;
import dev.rebuildcauses.simulator.history.SimulatedHistory;
import dev.rebuildcauses.simulator.history.SimulatedJob;
import dev.rebuildcauses.simulator.history.SimulatedRepository;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatedBitbucketServerTest {
    private static final SimulatedHistory HISTORY = SimulatedHistory.generate(7, 1000);
    private static final String AUTH = "Bearer demo-bitbucket-token";
    private static Simulator simulator;
    private static SimulatedHistory.GoneCommit gone;

    @BeforeAll
    static void start() {
        gone = HISTORY.goneCommitCandidate();
        SimulatorOptions options = SimulatorOptions.defaults().withBitbucketLimitCap(50);
        simulator = Simulator.start(
                options.withFaults(options.jenkinsFaults(), FaultPlan.none().withGoneCommits(Set.of(gone.commitId()))),
                HISTORY);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static String repoUrl(SimulatedRepository repo) {
        return simulator.bitbucketUrl() + "rest/api/1.0/projects/" + repo.projectKey() + "/repos/" + repo.slug() + "/";
    }

    @Test
    void shouldPageTheCommitsOfARangeNewestFirst() {
        // Given a range of several commits: the first build's revision to the newest
        SimulatedJob job = HISTORY.buildableJobs().get(0);
        SimulatedRepository repo = HISTORY.repository(job.repositoryKey()).orElseThrow();
        List<SimulatedBuild> builds = job.builds();
        String since = builds.get(0).revision();
        String until = builds.get(40).revision();
        List<String> expected = repo.rangeCommits(since, until).stream()
                .map(SimulatedCommit::id)
                .toList();
        assertThat(expected.size()).isGreaterThan(10);

        // When the client follows nextPageStart with pages of 7
        List<String> ids = new ArrayList<>();
        Integer start = 0;
        int pages = 0;
        while (start != null) {
            JsonNode page = Http.json(
                    repoUrl(repo) + "commits?since=" + since + "&until=" + until + "&limit=7&start=" + start, AUTH);
            page.get("values").forEach(v -> ids.add(v.get("id").asText()));
            assertThat(page.get("limit").asInt()).isEqualTo(7);
            start = page.get("isLastPage").asBoolean()
                    ? null
                    : page.get("nextPageStart").asInt();
            pages++;
        }

        // Then it gets every commit of the range once, in order
        assertThat(ids).isEqualTo(expected);
        assertThat(pages).isEqualTo((expected.size() + 6) / 7);
    }

    @Test
    void shouldCapTheLimitAndSayWhichLimitItUsed() {
        SimulatedRepository repo = HISTORY.repository("IMG", "base-python").orElseThrow();
        String newest = repo.commits().get(repo.commitCount() - 1).id();

        JsonNode page = Http.json(repoUrl(repo) + "commits?until=" + newest + "&limit=5000", AUTH);

        assertThat(page.get("limit").asInt()).isEqualTo(50);
        assertThat(page.get("values")).hasSize(50);
        assertThat(page.get("isLastPage").asBoolean()).isFalse();
        assertThat(page.get("nextPageStart").asInt()).isEqualTo(50);
    }

    @Test
    void shouldAnswerTheNetChangesOfARangeInOneRequest() {
        // Given a range with a rename somewhere in the repository
        SimulatedRepository repo = HISTORY.repository("IMG", "base-python").orElseThrow();
        SimulatedCommit renaming = repo.commits().stream()
                .filter(c -> c.changes().stream().anyMatch(f -> f.kind() == ChangeKind.RENAME))
                .findFirst()
                .orElseThrow();

        // When the client asks for the commit's changes
        JsonNode changes = Http.json(repoUrl(repo) + "commits/" + renaming.id() + "/changes?limit=1000", AUTH);

        // Then the rename comes as MOVE with its source path
        JsonNode move = null;
        for (JsonNode value : changes.get("values")) {
            if (value.get("type").asText().equals("MOVE")) {
                move = value;
            }
        }
        assertThat(move).isNotNull();
        FileChange rename = renaming.changes().stream()
                .filter(f -> f.kind() == ChangeKind.RENAME)
                .findFirst()
                .orElseThrow();
        assertThat(move.get("path").get("toString").asText()).isEqualTo(rename.path());
        assertThat(move.get("srcPath").get("toString").asText()).isEqualTo(rename.oldPath());
        assertThat(move.get("properties").get("gitChangeType").asText()).isEqualTo("RENAME");
    }

    @Test
    void shouldListTheRangeFilesOfABuild() {
        SimulatedJob job = HISTORY.buildableJobs().get(1);
        SimulatedRepository repo = HISTORY.repository(job.repositoryKey()).orElseThrow();
        SimulatedBuild previous = job.builds().get(10);
        SimulatedBuild build = job.builds().get(14);

        JsonNode changes =
                Http.json(repoUrl(repo) + "changes?since=" + previous.revision() + "&until=" + build.revision(), AUTH);

        List<String> paths = new ArrayList<>();
        changes.get("values")
                .forEach(v -> paths.add(v.get("path").get("toString").asText()));
        assertThat(paths)
                .containsExactlyElementsOf(repo.netChanges(previous.revision(), build.revision()).stream()
                        .map(FileChange::path)
                        .toList());
        assertThat(changes.get("toHash").asText()).isEqualTo(build.revision());
    }

    @Test
    void shouldAnswer401WithoutTheBearerToken() {
        SimulatedRepository repo = HISTORY.repository("IMG", "base-python").orElseThrow();
        HttpResponse<String> response = Http.get(repoUrl(repo) + "commits", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("errors");
    }

    @Test
    void shouldAnswer404ForACommitGoneAfterAForcePush() {
        String repoKey = HISTORY.buildableJobs().stream()
                .filter(j -> j.fullName().equals(gone.job()))
                .findFirst()
                .orElseThrow()
                .repositoryKey();
        SimulatedRepository repo = HISTORY.repository(repoKey).orElseThrow();

        HttpResponse<String> commit = Http.get(repoUrl(repo) + "commits/" + gone.commitId(), AUTH);
        HttpResponse<String> range = Http.get(
                repoUrl(repo) + "changes?since=" + gone.commitId() + "&until="
                        + repo.commits().get(repo.commitCount() - 1).id(),
                AUTH);

        assertThat(commit.statusCode()).isEqualTo(404);
        assertThat(commit.body()).contains("NoSuchCommitException");
        assertThat(range.statusCode()).isEqualTo(404);
    }

    @Test
    void shouldServeTheCommitShapeOfTheRecordedPayloads() {
        SimulatedRepository repo = HISTORY.repository("ML", "torch-image").orElseThrow();
        SimulatedCommit commit = repo.commits().get(3);

        JsonNode json = Http.json(repoUrl(repo) + "commits/" + commit.id(), AUTH);

        assertThat(json.get("id").asText()).isEqualTo(commit.id());
        assertThat(json.get("displayId").asText()).isEqualTo(commit.id().substring(0, 11));
        assertThat(json.get("author").get("emailAddress").asText()).isEqualTo(commit.authorEmail());
        assertThat(json.get("authorTimestamp").asLong()).isEqualTo(commit.time().toEpochMilli());
        assertThat(json.get("parents").get(0).get("id").asText())
                .isEqualTo(commit.parents().get(0));
    }
}
