package dev.rebuildcauses.analysis.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random mixes of the shapes the parser handles: whatever the content, nothing may throw. */
class DockerfileFuzzTest {
    private static final List<String> PIECES = List.of(
            "FROM ",
            "from ",
            "RUN ",
            "COPY ",
            "ADD ",
            "ARG ",
            "ONBUILD ",
            "WORKDIR ",
            "ENV ",
            "CMD ",
            "FOO ",
            "AS ",
            "as ",
            "--from=",
            "--mount=type=cache,target=/x ",
            "--chown=a ",
            "--",
            "-",
            "<<",
            "<<-",
            "<<<",
            "EOF",
            "'EOF'",
            "\"EOF\"",
            "\\",
            "`",
            "\n",
            "\r\n",
            "\r",
            "\t",
            " ",
            "#",
            "# escape=`\n",
            "# syntax=x\n",
            "[",
            "]",
            "\"",
            "'",
            ",",
            "=",
            "pip install ",
            "apt-get install -y ",
            "conda env create -f ",
            "npm ci",
            "yarn add ",
            "install.packages(c('a'",
            ")",
            "(",
            "&&",
            "||",
            ";",
            "|",
            ">",
            "2>&1",
            "-r ",
            "requirements.txt ",
            ". ",
            "./src ",
            "/app ",
            "$",
            "${X}",
            "\uFEFF",
            "\u0000",
            "é",
            "--- a\n",
            "+++ b\n",
            "@@ -1 +1 @@\n");

    @Test
    void shouldNeverThrowOnAnyContent() {
        Random random = new Random(20260401L);
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String content = text.toString();
            assertThatCode(() -> exercise(content)).as("content %s", content).doesNotThrowAnyException();
        }
    }

    private static void exercise(String content) {
        Dockerfile parsed = DockerfileParser.parse(content);
        DockerfileParser.parse(content.getBytes(StandardCharsets.UTF_8));
        DockerfileParser.parse(content.getBytes(StandardCharsets.UTF_16));
        for (Instruction instruction : parsed.instructions()) {
            InstructionDescriber.describe(instruction);
            assertThat(instruction.line()).isPositive().isLessThanOrEqualTo(instruction.endLine());
        }
        CacheOrderAnalyzer.analyse("Dockerfile", parsed);
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        DockerfileHistory history = new DockerfileHistory(
                "Dockerfile",
                List.of(
                        new DockerfileRevision("a", now.minus(Duration.ofDays(200)), content),
                        new DockerfileRevision(
                                "b", now.minus(Duration.ofDays(100)), content + "\nRUN pip install x\nCOPY . .\n")));
        StabilityTable table = InstructionStabilityMiner.mine(history, now, Duration.ofDays(56));
        BaseImageProposer.propose(table, "base:latest");
    }
}
