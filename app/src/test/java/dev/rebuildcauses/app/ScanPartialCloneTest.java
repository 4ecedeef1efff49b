package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code scan} of a partial clone ({@code --filter=blob:none}, the contents of old files left on
 * the remote) gives the report of a full clone and fetches the files it reads in a few batches,
 * not one fetch per file.
 */
class ScanPartialCloneTest {
    private static final int COMMITS = 60;

    @TempDir
    Path tmp;

    private Path full;
    private Path partial;

    @BeforeEach
    void cloneAHistoryBothWays() {
        GitHistory history = new GitHistory(tmp.resolve("origin"));
        history.write(".github/workflows/build.yml", "on: push\njobs:\n  b:\n    steps:\n      - run: make image\n")
                .write("Makefile", "image:\n\tdocker build -t app .\n")
                .write("requirements.txt", "pandas==2.1.0\n")
                .write("app.py", "print(0)\n")
                .write("README.md", "# App\n");
        for (int i = 0; i < COMMITS; i++) {
            // every commit its own Dockerfile, so each revision's Dockerfile is a blob of its own
            history.write(
                    "Dockerfile",
                    "FROM python:3.12\nRUN pip install --no-cache-dir pandas==2." + i + ".0\n"
                            + "COPY app.py /app/\nCMD [\"python\", \"/app/app.py\"]\n");
            if (i % 3 == 0) {
                history.write("app.py", "print(" + i + ")\n");
            }
            if (i % 10 == 5) {
                history.write("Makefile", "image:\n\tdocker build --pull -t app" + i + " .\n");
            }
            history.commit(String.format("2026-01-%02dT10:%02d:00Z", 1 + i / 24, i % 60), "change " + i);
        }
        Path bare = tmp.resolve("origin.git");
        git(tmp, "clone", "-q", "--bare", tmp.resolve("origin").toString(), bare.toString());
        git(bare, "config", "uploadpack.allowFilter", "true");
        git(bare, "config", "uploadpack.allowAnySHA1InWant", "true");
        full = tmp.resolve("full/app");
        partial = tmp.resolve("partial/app");
        git(tmp, "clone", "-q", "file://" + bare, full.toString());
        git(tmp, "clone", "-q", "--filter=blob:none", "file://" + bare, partial.toString());
        // keep every fetched pack as it came, so the packs count the fetches
        git(partial, "config", "gc.auto", "0");
        git(partial, "config", "maintenance.auto", "false");
    }

    @Test
    void shouldGiveTheReportOfAFullCloneWithAFewFetches() throws Exception {
        // Given a partial clone that lacks the Dockerfiles of all but the last revision
        long packsBefore = packs(partial);
        assertThat(missingBlobs(partial)).isGreaterThanOrEqualTo(COMMITS - 1);

        // When both clones are scanned
        assertThat(scan(full, tmp.resolve("out-full"))).isZero();
        assertThat(scan(partial, tmp.resolve("out-partial"))).isZero();

        // Then the reports are the same, file by file
        try (Stream<Path> written = Files.list(tmp.resolve("out-full"))) {
            for (Path file : written.toList()) {
                assertThat(tmp.resolve("out-partial").resolve(file.getFileName()))
                        .as(file.getFileName().toString())
                        .hasSameTextualContentAs(file);
            }
        }
        assertThat(Files.readString(tmp.resolve("out-partial/files.csv")))
                .contains("Dockerfile,dependencies,only package pins changed in Dockerfile:2");
        // and the partial clone fetched what it read in a few batches, not once per Dockerfile
        long fetches = packs(partial) - packsBefore;
        assertThat(fetches).isBetween(1L, 4L);
        // what it did not read stays on the remote: the old versions of app.py (one in three commits)
        assertThat(missingBlobs(partial)).isGreaterThanOrEqualTo(COMMITS / 3 - 1);
    }

    private int scan(Path repo, Path out) {
        CommandLine commandLine = RebuildCausesCommand.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter()));
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute("scan", repo.toString(), "--out", out.toString(), "--explain", "--quiet");
        assertThat(err.toString()).isEmpty();
        return exit;
    }

    private static long packs(Path repo) throws IOException {
        try (Stream<Path> files = Files.list(repo.resolve(".git/objects/pack"))) {
            return files.filter(f -> f.toString().endsWith(".pack")).count();
        }
    }

    private static long missingBlobs(Path repo) {
        return git(repo, "rev-list", "--objects", "--missing=print", "--all")
                .lines()
                .filter(line -> line.startsWith("?"))
                .count();
    }

    private static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor())
                    .as("git %s: %s", String.join(" ", args), out)
                    .isZero();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
