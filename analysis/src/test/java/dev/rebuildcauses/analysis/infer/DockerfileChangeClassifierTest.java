package dev.rebuildcauses.analysis.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.Verdict;
import org.junit.jupiter.api.Test;

class DockerfileChangeClassifierTest {
    private static final String BEFORE =
            """
            FROM continuumio/miniconda3:24.1.2-0
            RUN apt-get update && apt-get install -y --no-install-recommends git
            ENV LANG=C.UTF-8
            RUN mamba install -y -c conda-forge 'numpy=1.26' 'pandas=2.1' && \\
                mamba clean -afy
            RUN npm install -g configurable-http-proxy@4.5.0
            COPY app.py /app/
            """;

    private final DockerfileChangeClassifier classifier = new DockerfileChangeClassifier();

    @Test
    void shouldCallAMambaPinBumpADependenciesChange() {
        Verdict verdict = classifier.classify("Dockerfile", BEFORE, BEFORE.replace("'numpy=1.26'", "'numpy=2.0'"));

        assertThat(verdict).isEqualTo(new Verdict("dependencies", "only package pins changed in Dockerfile:4"));
    }

    @Test
    void shouldCallAnAddedNpmPackageADependenciesChange() {
        Verdict verdict = classifier.classify(
                "images/hub/Dockerfile", BEFORE, BEFORE.replace("proxy@4.5.0", "proxy@4.6.1 yarn@1.22.0"));

        assertThat(verdict)
                .isEqualTo(new Verdict("dependencies", "only package pins changed in images/hub/Dockerfile:6"));
    }

    @Test
    void shouldCallANewPipInstallLineADependenciesChange() {
        String after = BEFORE.replace("COPY app.py", "RUN pip install --no-cache-dir rich==13.7.0\nCOPY app.py");

        assertThat(classifier.classify("Dockerfile", BEFORE, after))
                .isEqualTo(new Verdict("dependencies", "only package pins changed in Dockerfile:7"));
    }

    @Test
    void shouldCallASystemPackageChangeAnEnvironmentChange() {
        Verdict verdict = classifier.classify(
                "Dockerfile",
                BEFORE,
                BEFORE.replace(
                        "install -y --no-install-recommends git", "install -y --no-install-recommends git curl"));

        assertThat(verdict).isEqualTo(new Verdict("environment", "RUN changed in Dockerfile:2"));
    }

    @Test
    void shouldCallAPinBumpWithAnEnvChangeAnEnvironmentChange() {
        String after = BEFORE.replace("'numpy=1.26'", "'numpy=2.0'").replace("LANG=C.UTF-8", "LANG=en_US.UTF-8");

        assertThat(classifier.classify("Dockerfile", BEFORE, after))
                .isEqualTo(new Verdict("environment", "ENV changed in Dockerfile:3"));
    }

    @Test
    void shouldCallAChangedShellStepNextToAPinAnEnvironmentChange() {
        String after = BEFORE.replace("'numpy=1.26'", "'numpy=2.0'")
                .replace("mamba clean -afy", "rm -rf /opt/conda/pkgs && useradd jovyan");

        assertThat(classifier.classify("Dockerfile", BEFORE, after))
                .isEqualTo(new Verdict("environment", "RUN changed in Dockerfile:4"));
    }

    @Test
    void shouldCallAFromChangeAnEnvironmentChange() {
        String after = BEFORE.replace("24.1.2-0", "24.3.0-0");

        assertThat(classifier.classify("Dockerfile", BEFORE, after))
                .isEqualTo(new Verdict("environment", "FROM changed in Dockerfile:1"));
    }

    @Test
    void shouldSayWhenOnlyCommentsChanged() {
        String after = "# syntax=docker/dockerfile:1\n# the base\n" + BEFORE;

        assertThat(classifier.classify("Dockerfile", BEFORE, after))
                .isEqualTo(
                        new Verdict("environment", "no instruction changed in Dockerfile (comments or layout only)"));
    }

    @Test
    void shouldCallANewInstallLineThatCleansUpADependenciesChange() {
        String after = BEFORE.replace(
                "COPY app.py", "RUN pip install kagglehub==0.2.1 && \\\n    /tmp/clean-layer.sh\nCOPY app.py");

        assertThat(classifier.classify("Dockerfile", BEFORE, after))
                .isEqualTo(new Verdict("dependencies", "only package pins changed in Dockerfile:7"));
    }
}
