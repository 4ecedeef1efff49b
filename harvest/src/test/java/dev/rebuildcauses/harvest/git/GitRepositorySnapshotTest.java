package dev.rebuildcauses.harvest.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebuildcauses.analysis.infer.SnapshotException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepositorySnapshotTest {
    @TempDir
    Path tmp;

    @Test
    void shouldListAndReadFilesAtEachRevisionWithOneCatFileProcess() throws Exception {
        // Given two revisions: a file changed, one added, one with a space and non-ASCII name
        TestRepository repo = new TestRepository(tmp.resolve("r"));
        repo.write("Dockerfile", "FROM ubuntu:22.04\n").write("docs/read me.md", "Grüße\n");
        String first = repo.commit("first");
        repo.write("Dockerfile", "FROM ubuntu:24.04\n").write("scripts/setup.sh", "echo\n");
        String second = repo.commit("second");

        try (GitRepositorySnapshot snapshot = new GitRepositorySnapshot(repo.dir())) {
            // When / Then
            assertThat(snapshot.paths(first)).containsExactly("Dockerfile", "docs/read me.md");
            assertThat(snapshot.paths(second)).containsExactly("Dockerfile", "docs/read me.md", "scripts/setup.sh");
            assertThat(snapshot.read(first, "Dockerfile")).contains("FROM ubuntu:22.04\n");
            assertThat(snapshot.read(second, "Dockerfile")).contains("FROM ubuntu:24.04\n");
            assertThat(snapshot.read(first, "docs/read me.md")).contains("Grüße\n");
            assertThat(snapshot.read(first, "scripts/setup.sh")).isEmpty();
            assertThat(snapshot.read(second, "scripts")).isEmpty();
            // cached: asking again starts no process
            snapshot.paths(first);
            snapshot.read(first, "Dockerfile");
            assertThat(snapshot.gitProcessesStarted()).isEqualTo(1);
        }
    }

    @Test
    void shouldNameTheRevisionItCannotList() {
        TestRepository repo = new TestRepository(tmp.resolve("r"));
        repo.write("a", "a\n");
        repo.commit("first");

        try (GitRepositorySnapshot snapshot = new GitRepositorySnapshot(repo.dir())) {
            assertThatThrownBy(() -> snapshot.paths("0123456789012345678901234567890123456789"))
                    .isInstanceOf(SnapshotException.class)
                    .hasMessageContaining("cannot list 0123456789012345678901234567890123456789 in ");
        }
    }

    @Test
    void shouldReadManyFilesOfAListedRevisionInOneBatch() throws Exception {
        // Given a revision with two files
        TestRepository repo = new TestRepository(tmp.resolve("r"));
        repo.write("Dockerfile", "FROM ubuntu\n").write("Jenkinsfile", "node {}\n");
        String revision = repo.commit("first");

        try (GitRepositorySnapshot snapshot = new GitRepositorySnapshot(repo.dir())) {
            snapshot.paths(revision);
            long before = snapshot.objectsRead();

            // When both and a missing file are read together
            var texts = snapshot.readAll(revision, List.of("Jenkinsfile", "missing.txt", "Dockerfile"));

            // Then each comes back in order, the two blobs asked for once
            assertThat(texts)
                    .containsExactly(
                            Map.entry("Jenkinsfile", Optional.of("node {}\n")),
                            Map.entry("missing.txt", Optional.empty()),
                            Map.entry("Dockerfile", Optional.of("FROM ubuntu\n")));
            assertThat(snapshot.objectsRead() - before).isEqualTo(2);
            assertThat(snapshot.read(revision, "Dockerfile")).contains("FROM ubuntu\n");
            assertThat(snapshot.objectsRead() - before).isEqualTo(2);
        }
    }

    @Test
    void shouldAnswerTheSameAfterReadingAheadWithoutAskingGitAgain() throws Exception {
        // Given three revisions: a Dockerfile changed, then a file added under a folder
        TestRepository repo = new TestRepository(tmp.resolve("r"));
        repo.write("Dockerfile", "FROM ubuntu:22.04\n").write("src/app/main.py", "print(1)\n");
        String first = repo.commit("first");
        repo.write("Dockerfile", "FROM ubuntu:24.04\n").write("src/app/main.py", "print(2)\n");
        String second = repo.commit("second");
        repo.write("src/app/extra.py", "x = 1\n");
        String third = repo.commit("third");
        List<String> revisions = List.of(first, second, third);

        try (GitRepositorySnapshot ahead = new GitRepositorySnapshot(repo.dir());
                GitRepositorySnapshot fresh = new GitRepositorySnapshot(repo.dir())) {
            // When the first reads all three ahead (Dockerfiles wanted), then lists and reads them
            ahead.prefetch(revisions, path -> path.endsWith("Dockerfile"));
            long afterPrefetch = ahead.objectsRead();
            for (String revision : revisions) {
                // Then every answer equals a snapshot that did not read ahead
                assertThat(ahead.paths(revision)).isEqualTo(fresh.paths(revision));
                assertThat(ahead.read(revision, "Dockerfile")).isEqualTo(fresh.read(revision, "Dockerfile"));
                assertThat(ahead.read(revision, "src/app/nope.py")).isEmpty();
            }
            // and git was asked nothing more: trees and Dockerfile blobs came in the read-ahead
            assertThat(ahead.objectsRead()).isEqualTo(afterPrefetch);
            assertThat(ahead.paths(third)).containsExactly("Dockerfile", "src/app/extra.py", "src/app/main.py");
        }
    }

    @Test
    void shouldReuseTheListingWhenOnlyContentsChanged() throws Exception {
        // Given two revisions with the same files, one of them changed
        TestRepository repo = new TestRepository(tmp.resolve("r"));
        repo.write("Dockerfile", "FROM ubuntu:22.04\n").write("src/a.py", "1\n");
        String first = repo.commit("first");
        repo.write("src/a.py", "2\n");
        String second = repo.commit("second");

        try (GitRepositorySnapshot snapshot = new GitRepositorySnapshot(repo.dir())) {
            // When both are listed
            List<String> before = snapshot.paths(first);
            List<String> after = snapshot.paths(second);

            // Then the second listing is the first one, and each revision still reads its own content
            assertThat(after).isSameAs(before);
            assertThat(snapshot.read(first, "src/a.py")).contains("1\n");
            assertThat(snapshot.read(second, "src/a.py")).contains("2\n");
        }
    }
}
