package dev.rebuildcauses.harvest.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a partial clone ({@code --filter=blob:none}, made here from a local bare repository
 * that allows filters): the same texts as a full clone, the missing blobs fetched in batches.
 */
class PartialCloneTest {
    private static final int COMMITS = 40;

    @TempDir
    Path tmp;

    private final List<String> revisions = new ArrayList<>();
    private Path full;
    private Path partial;

    @BeforeEach
    void cloneAHistoryBothWays() {
        TestRepository origin = new TestRepository(tmp.resolve("origin"));
        origin.write("Jenkinsfile", "sh 'docker build -t app .'\n").write("app.py", "print(0)\n");
        for (int i = 0; i < COMMITS; i++) {
            origin.write("Dockerfile", "FROM python:3.12\nRUN pip install pandas==2." + i + ".0\n");
            origin.write("app.py", "print(" + i + ")\n");
            revisions.add(origin.commit("change " + i));
        }
        Path bare = tmp.resolve("origin.git");
        origin.git("clone", "-q", "--bare", origin.dir().toString(), bare.toString());
        origin.git("-C", bare.toString(), "config", "uploadpack.allowFilter", "true");
        origin.git("-C", bare.toString(), "config", "uploadpack.allowAnySHA1InWant", "true");
        full = tmp.resolve("full");
        partial = tmp.resolve("partial");
        origin.git("clone", "-q", "file://" + bare, full.toString());
        origin.git("clone", "-q", "--filter=blob:none", "file://" + bare, partial.toString());
        // keep every fetched pack as it came, so the packs count the fetches
        origin.git("-C", partial.toString(), "config", "gc.auto", "0");
        origin.git("-C", partial.toString(), "config", "maintenance.auto", "false");
    }

    @Test
    void shouldReadEveryRevisionsDockerfileLikeAFullCloneInOneFetch() throws Exception {
        // Given a partial clone that has the Dockerfile of the last revision only
        long packsBefore = packs(partial);

        // When every revision's Dockerfile is prefetched and read from both clones
        List<String> fromFull;
        List<String> fromPartial;
        int fetches;
        try (GitRepositorySnapshot snapshot = new GitRepositorySnapshot(full)) {
            fromFull = readAll(snapshot);
        }
        try (GitRepositorySnapshot snapshot = new GitRepositorySnapshot(partial)) {
            fromPartial = readAll(snapshot);
            fetches = snapshot.fetchesRun();
        }

        // Then the texts are the same, and the 39 missing Dockerfiles came in one fetch
        assertThat(fromPartial).isEqualTo(fromFull).hasSize(COMMITS);
        assertThat(fromPartial.get(7)).contains("pandas==2.7.0");
        assertThat(fetches).isEqualTo(1);
        assertThat(packs(partial) - packsBefore).isEqualTo(1);
    }

    @Test
    void shouldReadAFullCloneWithoutFetching() throws Exception {
        try (GitRepositorySnapshot snapshot = new GitRepositorySnapshot(full)) {
            assertThat(readAll(snapshot)).hasSize(COMMITS);
            assertThat(snapshot.fetchesRun()).isZero();
        }
    }

    @Test
    void shouldReadADockerfilesHistoryLikeAFullCloneInOneFetch() throws Exception {
        // Given
        long packsBefore = packs(partial);

        // When
        DockerfileHistory fromFull = new GitDockerfileHistoryReader(full).history("HEAD", "Dockerfile");
        DockerfileHistory fromPartial = new GitDockerfileHistoryReader(partial).history("HEAD", "Dockerfile");

        // Then
        assertThat(fromPartial).isEqualTo(fromFull);
        assertThat(fromPartial.revisions()).hasSize(COMMITS);
        assertThat(packs(partial) - packsBefore).isEqualTo(1);
    }

    private List<String> readAll(GitRepositorySnapshot snapshot) throws Exception {
        snapshot.prefetch(revisions, path -> path.equals("Dockerfile"));
        List<String> texts = new ArrayList<>();
        for (String revision : revisions) {
            texts.add(snapshot.read(revision, "Dockerfile").orElseThrow());
        }
        return texts;
    }

    private static long packs(Path repo) throws IOException {
        try (Stream<Path> files = Files.list(repo.resolve(".git/objects/pack"))) {
            return files.filter(f -> f.toString().endsWith(".pack")).count();
        }
    }
}
