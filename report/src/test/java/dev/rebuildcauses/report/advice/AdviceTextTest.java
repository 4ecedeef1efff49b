package dev.rebuildcauses.report.advice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.advice.AdviceKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdviceTextTest {

    @Test
    void shouldRenderRankedBlocksPerJob() {
        List<Advice> advice = List.of(
                new Advice(
                        "a", AdviceKind.BASE_IMAGE, 2.5, "table:\nrow 1", "split it", Map.of("Dockerfile.base", "x")),
                new Advice("a", AdviceKind.SKIP_DOCS_AND_CI, null, "3 builds", "filter", Map.of()));

        assertThat(AdviceText.lines(advice))
                .containsExactly(
                        "Advice for a (ranked by estimated saving; savings overlap, do not add them up):",
                        " 1. base-image: saves about 2.50 build hours a month",
                        "    Evidence: table:",
                        "      row 1",
                        "    Action: split it",
                        "    Proposed files: Dockerfile.base",
                        " 2. skip-docs-and-ci: saving unknown (no build durations)",
                        "    Evidence: 3 builds",
                        "    Action: filter");
    }
}
