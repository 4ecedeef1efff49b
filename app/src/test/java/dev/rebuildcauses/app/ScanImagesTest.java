package dev.rebuildcauses.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan} of a repository shaped like jupyter/docker-stacks: one job per image, images.csv, triggers. */
class ScanImagesTest {
    @TempDir
    static Path temp;

    private static DockerStacksRepository repo;
    private static Path clone;

    @BeforeAll
    static void createRepository() {
        clone = temp.resolve("docker-stacks");
        repo = new DockerStacksRepository(clone);
    }

    private static List<List<String>> rows(Path out, String file) throws IOException {
        try (CSVParser parser =
                CSVFormat.RFC4180.parse(Files.newBufferedReader(out.resolve(file), StandardCharsets.UTF_8))) {
            return parser.getRecords().stream().skip(1).map(CSVRecord::toList).toList();
        }
    }

    private static Map<String, List<String>> revisionsByJob(Path out) throws IOException {
        return rows(out, "builds.csv").stream()
                .collect(Collectors.groupingBy(
                        row -> row.get(0), TreeMap::new, Collectors.mapping(row -> row.get(6), Collectors.toList())));
    }

    @Test
    void shouldReportOneJobPerImageBuiltWhenItsContextOrAnImageBelowItChanges() throws IOException {
        Path out = temp.resolve("per-image");

        CommandRun run = CommandRun.of("scan", clone.toString(), "--out", out.toString(), "-q");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // Then each image is a job, built by the commits that change it or an image it is built FROM
        assertThat(revisionsByJob(out))
                .containsExactly(
                        Map.entry("base-notebook", List.of(repo.initial, repo.foundationScript, repo.baseStart)),
                        Map.entry("docker-stacks-foundation", List.of(repo.initial, repo.foundationScript)),
                        Map.entry("minimal-notebook", List.of(repo.initial, repo.foundationScript, repo.baseStart)),
                        Map.entry(
                                "scipy-notebook",
                                List.of(repo.initial, repo.foundationScript, repo.baseStart, repo.scipyDockerfile)));
        // and images.csv shows the graph and the rebuilds that came from upstream
        assertThat(Files.readAllLines(out.resolve("images.csv")))
                .containsExactly(
                        "image,dockerfile,context,built_from,builds,upstream_builds",
                        "base-notebook,images/base-notebook/Dockerfile,images/base-notebook,docker-stacks-foundation,3,1",
                        "docker-stacks-foundation,images/docker-stacks-foundation/Dockerfile,"
                                + "images/docker-stacks-foundation,,2,0",
                        "minimal-notebook,images/minimal-notebook/Dockerfile,images/minimal-notebook,base-notebook,3,2",
                        "scipy-notebook,images/scipy-notebook/Dockerfile,images/scipy-notebook,minimal-notebook,4,2");
        // and the printed graph puts each image under the one it builds on
        assertThat(run.out())
                .contains("Images: 4, one job each")
                .contains("  docker-stacks-foundation (images/docker-stacks-foundation/Dockerfile): 2 builds, 0 of them"
                        + " from a change upstream")
                .contains(
                        "    base-notebook (images/base-notebook/Dockerfile): 3 builds, 1 of them from a change upstream;"
                                + " built on docker-stacks-foundation")
                .contains("        scipy-notebook (images/scipy-notebook/Dockerfile): 4 builds, 2 of them from a change"
                        + " upstream; built on minimal-notebook")
                // the docs and README commits are skipped by the workflow's paths; the tests commit builds no image
                .contains("CI triggers in place: .github/workflows/docker.yml: on.push.paths skips 2 commits")
                .contains("1 commits changed nothing any image is built from");
    }

    @Test
    void shouldNameProposedBaseImagesAfterTheirImage() throws IOException {
        Path out = temp.resolve("proposals");

        // instructions unchanged for a week before an image's last build count as stable here
        CommandRun run = CommandRun.of("scan", clone.toString(), "--out", out.toString(), "--stable-weeks", "1", "-q");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Path> proposals;
        try (var folders = Files.list(out.resolve("proposals"))) {
            proposals = folders.toList();
        }
        assertThat(proposals).isNotEmpty();
        for (Path folder : proposals) {
            String image = folder.getFileName().toString();
            assertThat(Files.readString(folder.resolve("Dockerfile")))
                    .as(image)
                    .contains("FROM " + image + "-base:latest");
        }
        assertThat(Files.readString(out.resolve("advice.csv"))).doesNotContain("docker-stacks-base");
    }

    @Test
    void shouldReportOneNamedJobWithJobAndSkipTheBuildsThatEnterNoImage() throws IOException {
        Path out = temp.resolve("one-job");

        CommandRun run =
                CommandRun.of("scan", clone.toString(), "--job", "stacks", "--out", out.toString(), "--explain", "-q");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // Then every commit the workflow builds is one build of the named job: docs and README pushes are skipped
        assertThat(revisionsByJob(out))
                .containsExactly(Map.entry(
                        "stacks",
                        List.of(
                                repo.initial,
                                repo.foundationScript,
                                repo.baseStart,
                                repo.testsOnly,
                                repo.scipyDockerfile)));
        assertThat(out.resolve("images.csv")).doesNotExist();
        // and files.csv says which changed files enter an image
        Map<String, String> enters = rows(out, "files.csv").stream()
                .filter(row -> !row.get(2).equals(repo.initial))
                .collect(Collectors.toMap(row -> row.get(3), row -> row.get(row.size() - 1)));
        assertThat(enters)
                .containsEntry("images/docker-stacks-foundation/fix-permissions", "yes")
                .containsEntry("images/base-notebook/start-notebook.py", "yes")
                .containsEntry("images/scipy-notebook/Dockerfile", "yes")
                .containsEntry("tests/base-notebook/test_start.py", "no");
        assertThat(Files.readAllLines(out.resolve("files.csv")).get(0))
                .isEqualTo("job,build,revision,path,cause,reason,enters_image");
        // and the tests-only build is advice to skip the build, crediting the paths filter in place
        List<String> skip = rows(out, "advice.csv").stream()
                .filter(row -> row.get(1).equals("skip-docs-and-ci"))
                .findFirst()
                .orElseThrow();
        assertThat(String.join(",", skip))
                .contains("1 more (20%) changed only files no built Dockerfile copies (tests/ 1 file)")
                .contains("Already in place: .github/workflows/docker.yml: on.push.paths skips 2 more pushes")
                .contains("tests/**");
        String shipCode = rows(out, "advice.csv").stream()
                .filter(row -> row.get(1).equals("ship-code-separately"))
                .map(row -> String.join(",", row))
                .findFirst()
                .orElseThrow();
        assertThat(shipCode)
                .contains("1 of 5 builds (20%) changed only code")
                .contains("not counting 1 more that changed only code no image copies");
        assertThat(Files.readString(out.resolve("advice.txt")))
                .startsWith("Already in place: .github/workflows/docker.yml: on.push.paths skips 2 pushes");
    }
}
