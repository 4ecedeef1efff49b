package dev.rebuildcauses.analysis.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Parses every real Dockerfile revision of the shared corpus ({@code shared/corpus/dockerfiles}
 * beside the repository): none may crash, and only files that are not Dockerfiles may warn.
 */
class DockerfileCorpusTest {
    /**
     * Real revisions that are broken: pyspark-notebook/Dockerfile with a {@code RUN # comment}
     * line whose next line ({@code mkdir}) Docker rejects as an unknown instruction, and a
     * truncated r-notebook/Dockerfile whose last RUN ends in a dangling continuation.
     */
    private static final List<String> BROKEN_REVISIONS =
            List.of("e4f9a3ad953db06a8f43019d183877f4fcff3f50", "6b544bae6bafd847079f984bbf3432c21fb9f74b");

    @Test
    void shouldParseEveryCorpusRevisionAndWarnOnlyForNonDockerfiles() throws IOException {
        // Given the corpus, found in shared/ beside the repository (or beside a worktree's parent)
        Optional<Path> corpus = corpusFolder();
        assumeThat(corpus).as("shared/corpus/dockerfiles beside the repository").isPresent();
        List<Path> files;
        try (Stream<Path> listing = Files.list(corpus.get())) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".Dockerfile"))
                    .sorted()
                    .toList();
        }
        Map<String, String> paths = manifest(corpus.get());

        // When every file is parsed
        int clean = 0;
        Map<String, List<ParseWarning>> warned = new TreeMap<>();
        for (Path file : files) {
            Dockerfile parsed = DockerfileParser.parse(Files.readAllBytes(file));
            if (parsed.isClean()) {
                clean++;
            } else {
                warned.put(
                        file.getFileName() + " ("
                                + paths.getOrDefault(file.getFileName().toString(), "?") + ")",
                        parsed.warnings());
            }
        }

        // Then none crashed, and the figures are printed for the record
        System.out.printf("corpus: %d files, %d parsed cleanly, %d warned%n", files.size(), clean, warned.size());
        warned.forEach((name, warnings) -> System.out.println("  " + name + ": " + warnings));
        assertThat(clean + warned.size()).isEqualTo(files.size());
        Map<String, List<ParseWarning>> unexplained = new TreeMap<>(warned);
        unexplained.keySet().removeIf(name -> BROKEN_REVISIONS.stream().anyMatch(name::startsWith));
        assertThat(warned).hasSizeGreaterThanOrEqualTo(BROKEN_REVISIONS.size());
        assertThat(unexplained.values())
                .as("besides the revisions Docker itself rejects, only non-Dockerfiles may warn")
                .allSatisfy(warnings -> assertThat(warnings).anySatisfy(w -> assertThat(w.message())
                        .containsAnyOf("patch", "does not look like a Dockerfile", "binary", "fragment")));
    }

    static Optional<Path> corpusFolder() {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/corpus/dockerfiles");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> manifest(Path corpus) {
        Path manifest = corpus.resolve("MANIFEST.tsv");
        Map<String, String> paths = new TreeMap<>();
        if (!Files.exists(manifest)) {
            return paths;
        }
        try {
            for (String line : Files.readAllLines(manifest)) {
                String[] cells = line.split("\t");
                if (cells.length == 2) {
                    paths.put(cells[0], cells[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return paths;
    }
}
