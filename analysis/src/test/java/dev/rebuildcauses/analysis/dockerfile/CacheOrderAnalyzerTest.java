package dev.rebuildcauses.analysis.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheOrderAnalyzerTest {

    @Test
    void shouldMoveTheCodeCopyAfterTheInstallsAndCopyTheManifestsFirst() {
        // Given the whole context copied before pip and apt installs
        Dockerfile file = DockerfileParser.parse(
                """
                FROM python:3.12-slim
                WORKDIR /srv
                COPY --chown=app . .
                ENV PIP_NO_CACHE_DIR=1
                RUN pip install -r requirements/base.txt -r requirements.txt
                RUN apt-get update && apt-get install -y libpq5
                CMD ["python", "main.py"]
                """);

        // When the order is analysed
        CacheReorder reorder = CacheOrderAnalyzer.analyse("Dockerfile", file).orElseThrow();

        // Then the break points at line 3 and the rewrite installs from the manifests alone
        assertThat(reorder.breaks()).singleElement().satisfies(found -> {
            assertThat(found.codeCopy().line()).isEqualTo(3);
            assertThat(found.installs()).extracting(Instruction::line).containsExactly(5, 6);
            assertThat(found.manifestCopies())
                    .containsExactly(
                            "COPY --chown=app requirements/base.txt /srv/requirements/",
                            "COPY --chown=app requirements.txt /srv/");
        });
        assertThat(reorder.reorderedDockerfile())
                .isEqualTo(
                        """
                FROM python:3.12-slim
                WORKDIR /srv
                ENV PIP_NO_CACHE_DIR=1
                COPY --chown=app requirements/base.txt /srv/requirements/
                COPY --chown=app requirements.txt /srv/
                RUN pip install -r requirements/base.txt -r requirements.txt
                RUN apt-get update && apt-get install -y libpq5
                COPY --chown=app . .
                CMD ["python", "main.py"]
                """);
        assertThat(reorder.movedInstalls()).isEqualTo(2);
        assertThat(reorder.runInstructions()).isEqualTo(2);
    }

    @Test
    void shouldUseNodeManifestGlobsAndSkipManifestsAlreadyCopied() {
        Dockerfile node =
                DockerfileParser.parse("FROM node:20\nWORKDIR /app\nCOPY . /app\nRUN npm ci\nRUN npm run build\n");
        Dockerfile copied = DockerfileParser.parse(
                "FROM python:3.12\nCOPY requirements.txt /app/\nCOPY . /app\nRUN pip install -r /app/requirements.txt\n");

        assertThat(CacheOrderAnalyzer.analyse("Dockerfile", node)
                        .orElseThrow()
                        .breaks()
                        .get(0)
                        .manifestCopies())
                .containsExactly("COPY package*.json /app/");
        assertThat(CacheOrderAnalyzer.analyse("Dockerfile", copied)
                        .orElseThrow()
                        .breaks()
                        .get(0)
                        .manifestCopies())
                .isEmpty();
    }

    @Test
    void shouldFindNothingWhenTheOrderIsRightOrTheInstallNeedsTheCode() {
        Dockerfile right = DockerfileParser.parse(
                "FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n");
        Dockerfile project = DockerfileParser.parse("FROM python:3.12\nCOPY . .\nRUN pip install .\n");
        Dockerfile blocked = DockerfileParser.parse("FROM python:3.12\nCOPY . .\nRUN make\nRUN pip install numpy\n");
        Dockerfile mixed = DockerfileParser.parse(
                "FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt && python setup.py develop\n");

        assertThat(CacheOrderAnalyzer.analyse("Dockerfile", right)).isEmpty();
        assertThat(CacheOrderAnalyzer.analyse("Dockerfile", project)).isEmpty();
        assertThat(CacheOrderAnalyzer.analyse("Dockerfile", blocked)).isEmpty();
        assertThat(CacheOrderAnalyzer.analyse("Dockerfile", mixed)).isEmpty();
        Dockerfile keyUsed = DockerfileParser.parse(
                "FROM debian\nCOPY repo.key /tmp/\nRUN apt-key add /tmp/repo.key && apt-get install -y tool\n");
        Dockerfile appUsed = DockerfileParser.parse(
                "FROM python\nCOPY . /app\nRUN pip install -r /app/requirements.txt && chmod +x /app/run.sh\n");
        assertThat(CacheOrderAnalyzer.analyse("Dockerfile", keyUsed)).isEmpty();
        assertThat(CacheOrderAnalyzer.analyse("Dockerfile", appUsed)).isEmpty();
    }
}
