package dev.rebuildcauses.analysis.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CopyClassifierTest {

    private static CopyInstruction copy(String line) {
        Instruction instruction = DockerfileParser.parse("FROM alpine\n" + line + "\n")
                .instructions()
                .get(1);
        return CopyClassifier.classify(instruction).orElseThrow();
    }

    @Test
    void shouldTellManifestsFromCode() {
        CopyInstruction manifests = copy("COPY requirements.txt environment.yml package*.json poetry.lock ./");
        assertThat(manifests.sources()).extracting(CopySource::kind).containsOnly(SourceKind.DEPENDENCY_MANIFEST);
        assertThat(manifests.bringsCode()).isFalse();
        assertThat(manifests.destination()).isEqualTo("./");

        CopyInstruction code = copy("COPY --chown=app . /app");
        assertThat(code.sources()).containsExactly(new CopySource(".", SourceKind.CODE));
        assertThat(code.copiesWholeContext()).isTrue();

        assertThat(copy("COPY [\"src/\", \"main.py\", \"/app/\"]").sources())
                .containsExactly(new CopySource("src/", SourceKind.CODE), new CopySource("main.py", SourceKind.CODE));
        assertThat(copy("COPY *.txt /tmp/").sources()).containsExactly(new CopySource("*.txt", SourceKind.CODE));
        assertThat(copy("COPY kaggle_requirements.txt go.mod go.sum pyproject.toml /x/")
                        .bringsCode())
                .isFalse();
    }

    @Test
    void shouldRecogniseStagesAndRemoteSources() {
        assertThat(copy("COPY --from=builder /out/app /usr/bin/app").sources())
                .containsExactly(new CopySource("/out/app", SourceKind.OTHER_STAGE));
        assertThat(copy("ADD https://example.org/tool.tgz /opt/").sources())
                .containsExactly(new CopySource("https://example.org/tool.tgz", SourceKind.REMOTE));
        assertThat(copy("ADD git@github.com:org/repo.git /src").sources())
                .extracting(CopySource::kind)
                .containsExactly(SourceKind.REMOTE);
    }

    @Test
    void shouldDescribeWhatTheAdvisorSees() {
        assertThat(InstructionDescriber.describe(
                        copy("COPY requirements.txt src/ /app/").instruction()))
                .isEqualTo("brings dependency manifests: requirements.txt; brings code: src/");
        Instruction from = DockerfileParser.parse("FROM python:3.12 AS base\n")
                .instructions()
                .get(0);
        assertThat(InstructionDescriber.describe(from)).isEqualTo("stage 0 'base' from python:3.12");
        assertThat(CopyClassifier.classify(from)).isEmpty();
        assertThat(List.of(SourceKind.values())).hasSize(5);
    }

    @Test
    void shouldClassifyWhatBindMountsBring() {
        Instruction run = DockerfileParser.parse("FROM python\nRUN --mount=type=cache,target=/root/.cache"
                        + " --mount=type=bind,source=requirements.txt,target=/tmp/r.txt"
                        + " --mount=type=bind,target=/src --mount=type=bind,from=build,source=/out,target=/o"
                        + " pip install -r /tmp/r.txt\n")
                .instructions()
                .get(1);

        assertThat(CopyClassifier.boundSources(run))
                .containsExactly(
                        new CopySource("requirements.txt", SourceKind.DEPENDENCY_MANIFEST),
                        new CopySource(".", SourceKind.CODE),
                        new CopySource("/out", SourceKind.OTHER_STAGE));
        assertThat(InstructionDescriber.describe(run))
                .isEqualTo(
                        "installs pip: from /tmp/r.txt; mounts dependency manifests: requirements.txt; mounts code: .;"
                                + " mounts from another stage: /out");
    }
}
