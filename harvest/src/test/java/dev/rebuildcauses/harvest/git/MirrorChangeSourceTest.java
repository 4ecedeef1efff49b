package dev.rebuildcauses.harvest.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebuildcauses.analysis.model.ChangeRange;
import dev.rebuildcauses.harvest.changes.HarvestException;
import dev.rebuildcauses.simulator.server.GitSmartHttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mirror mode against a real git smart-HTTP server: ranges equal a local clone's, the token stays out of files. */
class MirrorChangeSourceTest {
    private static final String TOKEN = "s3cret-mirror-token";

    @TempDir
    Path temp;

    @Test
    void shouldResolveRangesFromAMirrorClonedOverSmartHttpAndFetchedInTheNextHarvest() throws Exception {
        // Given a repository served over smart HTTP with a bearer token
        TestRepository repo = new TestRepository(temp.resolve("work"));
        String first = repo.write("Dockerfile", "FROM python:3.12\n")
                .write("app.py", "print(1)\n")
                .commit("init");
        String second = repo.write("app.py", "print(2)\n")
                .write("requirements.txt", "numpy\n")
                .commit("code");
        Path served = temp.resolve("served");
        publish(repo, served);
        try (GitSmartHttpServer server = new GitSmartHttpServer(served, TOKEN).start()) {
            String url = server.cloneUrl("IMG/app");
            Path mirrors = temp.resolve("data/mirrors");

            // When one harvest resolves a range through a mirror, and a later one a newer range
            MirrorChangeSource harvest1 = new MirrorChangeSource(new GitMirrors(mirrors, bearer()));
            ChangeRange range1 = harvest1.resolve(url, first, second);
            String third = repo.write("Dockerfile", "FROM python:3.13\n").commit("env");
            publish(repo, served);
            MirrorChangeSource harvest2 = new MirrorChangeSource(new GitMirrors(mirrors, bearer()));
            ChangeRange range2 = harvest2.resolve(url, second, third);
            harvest2.resolve(url, first, third);

            // Then the ranges are those of the clone itself, the first harvest cloned and the second
            // fetched once, no REST request was made, and no file of the mirror holds the token
            LocalGitChangeSource local = LocalGitChangeSource.of(Map.of("repo", repo.dir()));
            assertThat(range1).isEqualTo(local.resolve("repo", first, second));
            assertThat(range2).isEqualTo(local.resolve("repo", second, third));
            assertThat(harvest1.mirrors().cloneCount()).isEqualTo(1);
            assertThat(harvest2.mirrors().cloneCount()).isZero();
            assertThat(harvest2.mirrors().fetchCount()).isEqualTo(1);
            assertThat(harvest1.requestCount() + harvest2.requestCount()).isZero();
            assertThat(server.requestCount()).isPositive();
            assertThat(server.refusedCount()).isZero();
            try (Stream<Path> files = Files.walk(mirrors)) {
                assertThat(files.filter(Files::isRegularFile)).allSatisfy(file -> assertThat(
                                new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain(TOKEN));
            }
        }
    }

    @Test
    void shouldRefuseAWrongTokenWithAnAuthFailureThatDoesNotNameIt() throws Exception {
        // Given a served repository
        TestRepository repo = new TestRepository(temp.resolve("work"));
        String first = repo.write("a", "1\n").commit("a");
        String second = repo.write("a", "2\n").commit("b");
        Path served = temp.resolve("served");
        publish(repo, served);
        try (GitSmartHttpServer server = new GitSmartHttpServer(served, TOKEN).start()) {
            // When a harvest brings the wrong token
            MirrorChangeSource source =
                    new MirrorChangeSource(new GitMirrors(temp.resolve("mirrors"), Optional.of("Bearer wrong-token")));

            // Then it fails as refused credentials, naming the URL and not the token, and keeps no mirror
            assertThatThrownBy(() -> source.resolve(server.cloneUrl("IMG/app"), first, second))
                    .isInstanceOfSatisfying(HarvestException.class, e -> assertThat(e.kind())
                            .isEqualTo(HarvestException.FailureKind.AUTH))
                    .hasMessageContaining(server.cloneUrl("IMG/app"))
                    .hasMessageNotContaining("wrong-token")
                    .hasMessageContaining("set 'changes.mirror: false' to read ranges through the REST API");
            assertThat(server.refusedCount()).isPositive();
            assertThat(temp.resolve("mirrors").resolve(GitMirrors.directoryName(server.cloneUrl("IMG/app"))))
                    .doesNotExist();
        }
    }

    @Test
    void shouldLetHarvestersSharingADataFolderTakeTurnsOnAMirror() throws Exception {
        // Given a served repository and four harvesters sharing one data folder
        TestRepository repo = new TestRepository(temp.resolve("work"));
        String first = repo.write("Dockerfile", "FROM alpine:3.20\n").commit("a");
        String second = repo.write("app.sh", "echo 2\n").commit("b");
        Path served = temp.resolve("served");
        publish(repo, served);
        try (GitSmartHttpServer server = new GitSmartHttpServer(served, TOKEN).start()) {
            String url = server.cloneUrl("IMG/app");
            Path mirrors = temp.resolve("data/mirrors");
            List<MirrorChangeSource> harvesters = Stream.generate(
                            () -> new MirrorChangeSource(new GitMirrors(mirrors, bearer())))
                    .limit(4)
                    .toList();

            // When all of them meet the repository at the same moment
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(harvesters.size());
            try {
                List<Future<ChangeRange>> ranges = new ArrayList<>();
                for (MirrorChangeSource harvester : harvesters) {
                    ranges.add(pool.submit(() -> {
                        start.await();
                        return harvester.resolve(url, first, second);
                    }));
                }
                start.countDown();

                // Then one cloned, the others fetched that mirror, and every range is the clone's own
                ChangeRange expected =
                        LocalGitChangeSource.of(Map.of("repo", repo.dir())).resolve("repo", first, second);
                for (Future<ChangeRange> range : ranges) {
                    assertThat(range.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(harvesters.stream()
                            .mapToInt(h -> h.mirrors().cloneCount())
                            .sum())
                    .isEqualTo(1);
            assertThat(harvesters.stream()
                            .mapToInt(h -> h.mirrors().fetchCount())
                            .sum())
                    .isEqualTo(3);
            try (Stream<Path> left = Files.list(mirrors)) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .as("no half-made clone is left beside the mirror")
                        .noneMatch(name -> name.startsWith(".cloning-"));
            }
        }
    }

    private static Optional<String> bearer() {
        return Optional.of("Bearer " + TOKEN);
    }

    /** Publishes the work repository's main branch as the bare repository IMG/app.git, as a push would. */
    private static void publish(TestRepository repo, Path served) throws IOException {
        Path bare = served.resolve("IMG/app.git");
        if (!Files.isDirectory(bare)) {
            Files.createDirectories(bare.getParent());
            repo.git("clone", "-q", "--bare", repo.dir().toString(), bare.toString());
        } else {
            repo.git("push", "-q", bare.toString(), "HEAD:refs/heads/main");
        }
    }
}
