package dev.rebuildcauses.report.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdviceCardsTest {
    @Test
    void shouldCompareAProposalWithTheJobsOnlyDockerfile() {
        assertThat(AdviceCards.origin("Dockerfile.base", Map.of("images/x/Dockerfile", "FROM a")))
                .isEqualTo("images/x/Dockerfile");
    }

    @Test
    void shouldFindTheDockerfileAProposalFolderIsNamedAfterWhenAJobBuildsSeveral() {
        Map<String, String> current = new LinkedHashMap<>();
        current.put("images/a/Dockerfile", "FROM a");
        current.put("images/b/Dockerfile", "FROM b");
        assertThat(AdviceCards.origin("images_b_Dockerfile/Dockerfile.base", current))
                .isEqualTo("images/b/Dockerfile");
        assertThat(AdviceCards.origin("unrelated/Dockerfile.base", current)).isEmpty();
    }

    @Test
    void shouldShowSharesWithTheDigitsOfTheExport() {
        assertThat(Percent.of("0.4821")).isEqualTo("48.21%");
        assertThat(Percent.of("1.0000")).isEqualTo("100.00%");
        assertThat(Percent.of("")).isEmpty();
    }
}
