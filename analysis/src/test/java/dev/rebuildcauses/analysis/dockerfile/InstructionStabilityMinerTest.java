package dev.rebuildcauses.analysis.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstructionStabilityMinerTest {
    private static final Instant DAY0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration EIGHT_WEEKS = Duration.ofDays(56);

    static Instant day(int n) {
        return DAY0.plus(Duration.ofDays(n));
    }

    static DockerfileRevision revision(int dayNumber, String... lines) {
        return new DockerfileRevision("r" + dayNumber, day(dayNumber), String.join("\n", lines) + "\n");
    }

    static final String[] V1 = {
        "FROM python:3.12-slim",
        "RUN apt-get update && apt-get install -y gcc",
        "WORKDIR /app",
        "COPY requirements.txt .",
        "RUN pip install -r requirements.txt",
        "COPY . .",
        "CMD python app.py"
    };

    static DockerfileHistory evolvingHistory() {
        return new DockerfileHistory(
                "images/app/Dockerfile",
                List.of(
                        revision(0, V1),
                        revision(10, V1[0], V1[1], V1[2], V1[3], V1[4], V1[5], "CMD python main.py"),
                        revision(
                                20,
                                V1[0],
                                V1[1],
                                "WORKDIR   /app",
                                V1[3],
                                "RUN pip install --no-cache-dir -r requirements.txt",
                                V1[5],
                                "CMD python -u main.py"),
                        revision(
                                100,
                                V1[0],
                                V1[1],
                                "WORKDIR /app",
                                V1[3],
                                "RUN pip install --no-cache-dir -r requirements.txt",
                                V1[5],
                                "ENV PYTHONUNBUFFERED=1",
                                "CMD python -u main.py")));
    }

    @Test
    void shouldCountChangesPerInstructionAcrossRevisions() {
        // Given a Dockerfile whose CMD is edited twice, pip once, ENV added late and WORKDIR only re-spaced
        DockerfileHistory history = evolvingHistory();

        // When its stability is mined a day after the last revision
        StabilityTable table = InstructionStabilityMiner.mine(history, day(101), EIGHT_WEEKS);

        // Then each instruction carries its own count and date; threshold is day 45
        assertThat(table.rows())
                .extracting(
                        r -> r.instruction().keyword(),
                        InstructionStability::changes,
                        InstructionStability::lastChanged,
                        InstructionStability::stable)
                .containsExactly(
                        tuple("FROM", 0, day(0), true),
                        tuple("RUN", 0, day(0), true),
                        tuple("WORKDIR", 0, day(0), true),
                        tuple("COPY", 0, day(0), true),
                        tuple("RUN", 1, day(20), true),
                        tuple("COPY", 0, day(0), true),
                        tuple("ENV", 1, day(100), false),
                        tuple("CMD", 2, day(20), true));
        assertThat(table.revisions()).isEqualTo(4);
        assertThat(table.render().get(7))
                .isEqualTo("   8    2 changes  last 2026-01-21  stable    CMD python -u main.py");
    }

    @Test
    void shouldCountAReorderAsAChangeOfTheMovedInstruction() {
        // Given two RUNs swapped on day 5
        DockerfileHistory history = new DockerfileHistory(
                "Dockerfile",
                List.of(
                        revision(0, "FROM debian", "RUN apt-get install -y curl", "RUN pip install x", "COPY . ."),
                        revision(5, "FROM debian", "RUN pip install x", "RUN apt-get install -y curl", "COPY . .")));

        // When mined on day 6 with a 2-day window
        StabilityTable table = InstructionStabilityMiner.mine(history, day(6), Duration.ofDays(2));

        // Then the instruction that moved past the other changed, the rest did not
        assertThat(table.rows())
                .extracting(
                        r -> r.instruction().arguments(), InstructionStability::changes, InstructionStability::stable)
                .containsExactly(
                        tuple("debian", 0, true),
                        tuple("pip install x", 0, true),
                        tuple("apt-get install -y curl", 1, false),
                        tuple(". .", 0, true));
    }

    @Test
    void shouldSkipARevisionThatIsNoDockerfile() {
        // Given a history with an emptied revision in the middle
        DockerfileHistory history = new DockerfileHistory(
                "Dockerfile",
                List.of(
                        revision(0, "FROM debian", "RUN apt-get install -y curl"),
                        new DockerfileRevision("r5", day(5), ""),
                        revision(9, "FROM debian", "RUN apt-get install -y curl", "CMD bash")));

        // When mined
        StabilityTable table = InstructionStabilityMiner.mine(history, day(10), Duration.ofDays(3));

        // Then the emptied revision did not make the old instructions new again
        assertThat(table.rows())
                .extracting(InstructionStability::changes, InstructionStability::lastChanged)
                .containsExactly(tuple(0, day(0)), tuple(0, day(0)), tuple(1, day(9)));
    }
}
