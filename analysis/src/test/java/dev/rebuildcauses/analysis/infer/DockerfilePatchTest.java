package dev.rebuildcauses.analysis.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.Verdict;
import org.junit.jupiter.api.Test;

class DockerfilePatchTest {
    /** Shaped like jupyter/docker-stacks' base-notebook/Dockerfile.ppc64le.patch: a removed line inside a RUN's continuation. */
    private static final String PATCH =
            """
            --- Dockerfile\t2017-05-11 12:59:30.006182756 -0400
            +++ Dockerfile.ppc64le\t2017-05-11 12:59:57.326632865 -0400
            @@ -1,9 +1,9 @@
            -FROM debian@sha256:52af198afd8c
            +FROM ppc64le/ubuntu:trusty
            \s
             USER root
            -RUN REPO=https://cdn-fastly.deb.debian.org \\
            - && apt-get update && apt-get -yq dist-upgrade \\
            +RUN apt-get update && apt-get -yq dist-upgrade \\
             && apt-get install -yq --no-install-recommends \\
            -    wget \\
            +    build-essential \\
                 bzip2
            """;

    private final DockerfileChangeClassifier classifier = new DockerfileChangeClassifier();

    @Test
    void shouldKeepEachSidesLinesOnTheirPatchLineNumbers() {
        // When
        String produced = DockerfilePatch.side(PATCH, true);
        String expected = DockerfilePatch.side(PATCH, false);

        // Then
        assertThat(produced.lines().toList())
                .containsExactly(
                        "",
                        "",
                        "",
                        "",
                        "FROM ppc64le/ubuntu:trusty",
                        "",
                        "USER root",
                        "",
                        "",
                        "RUN apt-get update && apt-get -yq dist-upgrade \\",
                        "&& apt-get install -yq --no-install-recommends \\",
                        "",
                        "    build-essential \\",
                        "    bzip2");
        assertThat(expected.lines().toList().get(3)).isEqualTo("FROM debian@sha256:52af198afd8c");
        assertThat(DockerfileReader.read(produced))
                .extracting(DockerInstruction::line, DockerInstruction::keyword)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(5, "FROM"),
                        org.assertj.core.api.Assertions.tuple(7, "USER"),
                        org.assertj.core.api.Assertions.tuple(10, "RUN"));
    }

    @Test
    void shouldSeeNoChangeInTheMadeDockerfileWhenOnlyTheLinesThePatchRemovesFollowTheirDockerfile() {
        // Given the real change of that patch: its Dockerfile moved to http, so the removed line follows
        String after = PATCH.replace("-RUN REPO=https://", "-RUN REPO=http://");

        // When
        Verdict verdict = classifier.classify(
                "Dockerfile.ppc64le.patch", DockerfilePatch.side(PATCH, true), DockerfilePatch.side(after, true));

        // Then
        assertThat(verdict.reason()).startsWith("no instruction changed");
    }

    @Test
    void shouldSeeASystemPackageTheMadeDockerfileInstalls() {
        // Given a package added inside the RUN whose continuation has a removed line
        String after = PATCH.replace("+    build-essential \\", "+    build-essential \\\n+    cmake \\");

        // When
        Verdict verdict = classifier.classify(
                "Dockerfile.ppc64le.patch", DockerfilePatch.side(PATCH, true), DockerfilePatch.side(after, true));

        // Then
        assertThat(verdict).isEqualTo(new Verdict("environment", "RUN changed in Dockerfile.ppc64le.patch:10"));
    }
}
