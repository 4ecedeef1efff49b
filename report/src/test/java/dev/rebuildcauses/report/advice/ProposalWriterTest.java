package dev.rebuildcauses.report.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rebuildcauses.analysis.advice.Advice;
import dev.rebuildcauses.analysis.advice.AdviceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProposalWriterTest {

    @Test
    void shouldWriteProposalsUnderTheJobFolder(@TempDir Path out) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Dockerfile.base", "FROM python\n");
        files.put("Dockerfile", "FROM images/app-base:latest\n");
        Advice base = new Advice("team/images/app", AdviceKind.BASE_IMAGE, 1.0, "e", "a", files);

        List<Path> written = ProposalWriter.write(List.of(base), out);

        Path folder = out.resolve("proposals/team_images_app");
        assertThat(written).containsExactly(folder.resolve("Dockerfile.base"), folder.resolve("Dockerfile"));
        assertThat(Files.readString(folder.resolve("Dockerfile"))).isEqualTo("FROM images/app-base:latest\n");
    }

    @Test
    void shouldNeverWriteOutsideTheProposalsFolder(@TempDir Path out) throws IOException {
        Advice sneaky = new Advice("..", AdviceKind.BASE_IMAGE, 1.0, "e", "a", Map.of("../../x", "boom"));

        List<Path> written = ProposalWriter.write(List.of(sneaky), out);

        assertThat(written).singleElement().satisfies(p -> assertThat(p.normalize())
                .startsWith(out.resolve("proposals")));
        assertThatThrownBy(() -> ProposalWriter.write(
                        List.of(new Advice("j", AdviceKind.BASE_IMAGE, 1.0, "e", "a", Map.of("", "x"))), out))
                .isInstanceOf(IOException.class);
    }
}
