package dev.rebuildcauses.analysis.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.dockerfile.DockerfileHistory;
import dev.rebuildcauses.analysis.dockerfile.DockerfileRevision;
import dev.rebuildcauses.analysis.dockerfile.InstructionStabilityMiner;
import dev.rebuildcauses.analysis.dockerfile.StabilityTable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StabilityStripsTest {
    private static final Instant DAY0 = Instant.parse("2026-01-01T00:00:00Z");

    static StabilityTable table(String path) {
        DockerfileHistory history = new DockerfileHistory(
                path,
                List.of(
                        new DockerfileRevision("r1", DAY0, "FROM python:3.12\nRUN pip install flask\nCOPY . /app\n"),
                        new DockerfileRevision(
                                "r2",
                                DAY0.plus(Duration.ofDays(100)),
                                "FROM python:3.12\nRUN pip install flask gunicorn\nCOPY . /app\n")));
        return InstructionStabilityMiner.mine(history, DAY0.plus(Duration.ofDays(110)), Duration.ofDays(56));
    }

    @Test
    void shouldMakeOneCellPerInstructionWithItsLineAndChanges() {
        StabilityStrip strip =
                StabilityStrips.of(List.of(table("images/app/Dockerfile"))).get(0);

        assertThat(strip.id()).isEqualTo("stability-images-app-dockerfile");
        assertThat(strip.stableWeeks()).isEqualTo(8);
        assertThat(strip.cells())
                .extracting(StabilityCell::line, StabilityCell::keyword, StabilityCell::changes, StabilityCell::stable)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "FROM", 0, true),
                        org.assertj.core.groups.Tuple.tuple(2, "RUN", 1, false),
                        org.assertj.core.groups.Tuple.tuple(3, "COPY", 0, true));
        assertThat(strip.cells().get(1).lastChanged()).isEqualTo(LocalDate.parse("2026-04-11"));
        assertThat(strip.stablePrefix()).isEqualTo(1);
        assertThat(strip.table().rows().get(1))
                .containsExactly("2", "RUN", "1", "2026-04-11", "changing", "RUN pip install flask gunicorn");
        assertThat(strip.altText())
                .isEqualTo("2 of 3 instructions of images/app/Dockerfile have not changed for 8 weeks (2 revisions);"
                        + " the first 1 (to line 1) are stable and could move into a base image.");
    }

    @Test
    void shouldKeepIdsUniqueWhenPathsLookAlike() {
        List<StabilityStrip> strips =
                StabilityStrips.of(List.of(table("a/b/Dockerfile"), table("a-b/Dockerfile"), table("A/B/Dockerfile")));

        assertThat(strips)
                .extracting(StabilityStrip::id)
                .containsExactly(
                        "stability-a-b-dockerfile", "stability-a-b-dockerfile-2", "stability-a-b-dockerfile-3");
    }
}
