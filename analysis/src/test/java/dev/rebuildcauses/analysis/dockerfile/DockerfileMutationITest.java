package dev.rebuildcauses.analysis.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.rebuildcauses.analysis.infer.DockerfileChangeClassifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Feeds thousands of mutated real Dockerfiles (the shared corpus) to the parser, the install
 * recogniser, the cache-order analyser and the Dockerfile diff classifier: each must end in a
 * result (with warnings where the file is broken), never an exception. Seeded: a failure names the
 * seed, the corpus file and the mutation, and reproduces.
 */
class DockerfileMutationITest {
    private static final long SEED = 20261204L;
    private static final int MUTATIONS_PER_FILE = 4;
    private static final String[] KEYWORDS = {
        "FROM ",
        "RUN ",
        "COPY ",
        "ADD ",
        "ENV ",
        "ARG ",
        "WORKDIR ",
        "USER ",
        "ENTRYPOINT ",
        "CMD ",
        "ONBUILD ",
        "HEALTHCHECK ",
        "SHELL ",
        "LABEL ",
        "EXPOSE ",
        "VOLUME ",
        "STOPSIGNAL ",
        "MAINTAINER ",
        "# syntax=",
        "# escape="
    };
    private static final String[] FRAGMENTS = {
        "\\",
        "\\\n",
        "`",
        "\"",
        "'",
        "<<EOF\n",
        "<<-'EOF'\n",
        "EOF\n",
        "$",
        "${",
        "${X:-",
        "&&",
        "||",
        ";",
        "|",
        "[",
        "]",
        "[\"",
        "\",",
        "--from=",
        "--mount=type=cache,target=",
        "=",
        "\t",
        "\r",
        "\r\n",
        "\u0000",
        "\uFEFF",
        "é",
        "pip install ",
        "mamba install -y ",
        "uv pip install ",
        "conda==24.1.2 ",
        "'pandas=2.2.3' ",
        "--index-url ",
        "apt-get install -y ",
        "-r",
        "-c",
        "--",
        " "
    };

    @Test
    void shouldEndEveryMutatedCorpusDockerfileInAResult() throws IOException {
        // Given the real Dockerfiles of the shared corpus
        Optional<Path> corpus = DockerfileCorpusTest.corpusFolder();
        assumeThat(corpus).as("shared/corpus/dockerfiles beside the repository").isPresent();
        List<Path> files;
        try (Stream<Path> listing = Files.list(corpus.get())) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".Dockerfile"))
                    .sorted()
                    .toList();
        }
        assumeThat(files).isNotEmpty();

        // When each is mutated several ways and every mutant goes through the parsers
        Random random = new Random(SEED);
        DockerfileChangeClassifier diffs = new DockerfileChangeClassifier();
        int tried = 0;
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            byte[] original = Files.readAllBytes(file);
            String text = new String(original, StandardCharsets.UTF_8);
            for (int m = 0; m < MUTATIONS_PER_FILE; m++) {
                int operator = random.nextInt(9);
                byte[] mutant = mutate(original, text, operator, random);
                tried++;
                try {
                    Dockerfile parsed = DockerfileParser.parse(mutant);
                    for (Instruction instruction : parsed.instructions()) {
                        InstallRecognizer.installs(instruction);
                    }
                    CacheOrderAnalyzer.analyse("Dockerfile", parsed);
                    diffs.classify("Dockerfile", text, new String(mutant, StandardCharsets.UTF_8));
                } catch (RuntimeException | StackOverflowError e) {
                    failures.add(file.getFileName() + " mutation " + m + " (operator " + operator + ", seed " + SEED
                            + "): " + e);
                }
            }
        }

        // Then none threw, and the figure is printed for the record
        System.out.printf(
                "dockerfile mutation test: %d mutated Dockerfiles from %d corpus files tried, %d failed%n",
                tried, files.size(), failures.size());
        assertThat(failures).isEmpty();
        assertThat(tried).isGreaterThanOrEqualTo(1000);
    }

    static byte[] mutate(byte[] original, String text, int operator, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int at = random.nextInt(Math.max(1, lines.size()));
        switch (operator) {
            case 0 -> lines.remove(Math.min(at, lines.size() - 1));
            case 1 -> lines.add(at, lines.get(Math.min(at, lines.size() - 1)));
            case 2 -> lines.set(
                    Math.min(at, lines.size() - 1),
                    lines.get(Math.min(at, lines.size() - 1)) + pick(FRAGMENTS, random));
            case 3 -> lines.add(at, pick(KEYWORDS, random) + pick(FRAGMENTS, random) + pick(FRAGMENTS, random));
            case 4 -> {
                // truncated anywhere, as a download cut short
                return Arrays.copyOf(original, random.nextInt(original.length + 1));
            }
            case 5 -> {
                byte[] flipped = original.clone();
                for (int i = 0; i < 1 + random.nextInt(8) && flipped.length > 0; i++) {
                    flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
                }
                return flipped;
            }
            case 6 -> {
                String line = lines.get(Math.min(at, lines.size() - 1));
                int cut = line.isEmpty() ? 0 : random.nextInt(line.length());
                lines.set(
                        Math.min(at, lines.size() - 1),
                        line.substring(0, cut) + pick(FRAGMENTS, random) + line.substring(cut));
            }
            case 7 -> {
                // a long run of continuations or a huge line
                String repeated = random.nextBoolean() ? "RUN echo \\\n".repeat(300) : "A".repeat(20_000);
                lines.add(at, repeated);
            }
            default -> {
                int other = random.nextInt(Math.max(1, lines.size()));
                String swap = lines.get(Math.min(at, lines.size() - 1));
                lines.set(Math.min(at, lines.size() - 1), lines.get(Math.min(other, lines.size() - 1)));
                lines.set(Math.min(other, lines.size() - 1), swap);
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static String pick(String[] options, Random random) {
        return options[random.nextInt(options.length)];
    }
}
