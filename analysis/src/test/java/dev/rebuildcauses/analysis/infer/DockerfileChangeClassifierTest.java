package dev.rebuildcauses.analysis.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebuildcauses.analysis.classify.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
    void shouldCallAPinBumpWithAnEnvChangeBothAnEnvironmentAndADependenciesChange() {
        String after = BEFORE.replace("'numpy=1.26'", "'numpy=2.0'").replace("LANG=C.UTF-8", "LANG=en_US.UTF-8");

        assertThat(classifier.classify("Dockerfile", BEFORE, after))
                .isEqualTo(new Verdict(
                        "environment", "ENV changed in Dockerfile:3; packages changed too", List.of("dependencies")));
    }

    @Test
    void shouldCallAChangedShellStepNextToAPinBothChanges() {
        String after = BEFORE.replace("'numpy=1.26'", "'numpy=2.0'")
                .replace("mamba clean -afy", "rm -rf /opt/conda/pkgs && useradd jovyan");

        assertThat(classifier.classify("Dockerfile", BEFORE, after))
                .isEqualTo(new Verdict(
                        "environment", "RUN changed in Dockerfile:4; packages changed too", List.of("dependencies")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // package lists of mamba and uv pip, version specs, packages added to or removed from a list
                "RUN mamba install -y -c conda-forge jupyterlab ipywidgets|RUN mamba install -y -c conda-forge jupyterlab ipywidgets nbdime",
                "RUN mamba install -y -c conda-forge jupyterlab ipywidgets|RUN mamba install -y -c conda-forge jupyterlab",
                "RUN uv pip install --system polars==1.2.0|RUN uv pip install --system polars==1.3.1",
                "RUN conda install -y conda==24.1.2|RUN conda install -y conda==24.3.0",
                "RUN mamba install -y 'pandas=2.2.2' numpy|RUN mamba install -y 'pandas=2.2.3' numpy",
                "RUN pip install --no-cache-dir torch==2.2.0 --index-url https://download.pytorch.org/whl/cu121|"
                        + "RUN pip install --no-cache-dir torch==2.3.0 --index-url https://download.pytorch.org/whl/cu121",
            })
    void shouldCallPackageListAndVersionChangesDependencies(String before, String after) {
        Verdict verdict =
                classifier.classify("Dockerfile", "FROM python:3.12\n" + before, "FROM python:3.12\n" + after);

        assertThat(verdict).isEqualTo(new Verdict("dependencies", "only package pins changed in Dockerfile:2"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "RUN pip install torch==2.2.0|RUN pip install --no-cache-dir torch==2.2.0",
                "RUN pip install torch --index-url https://download.pytorch.org/whl/cu121|"
                        + "RUN pip install torch --index-url https://download.pytorch.org/whl/cu124",
                "RUN uv pip install --system polars|RUN uv pip install polars",
            })
    void shouldCallAnInstallersFlagsOrIndexAnEnvironmentChange(String before, String after) {
        Verdict verdict =
                classifier.classify("Dockerfile", "FROM python:3.12\n" + before, "FROM python:3.12\n" + after);

        assertThat(verdict).isEqualTo(new Verdict("environment", "installer flags or index changed in Dockerfile:2"));
    }

    @Test
    void shouldGiveBothWhenTheIndexAndThePackagesChange() {
        Verdict verdict = classifier.classify(
                "Dockerfile",
                "FROM python:3.12\nRUN pip install torch==2.2.0 --index-url https://download.pytorch.org/whl/cu121",
                "FROM python:3.12\nRUN pip install torch==2.4.0 --index-url https://download.pytorch.org/whl/cu124");

        assertThat(verdict)
                .isEqualTo(new Verdict(
                        "environment",
                        "installer flags or index changed in Dockerfile:2; packages changed too",
                        List.of("dependencies")));
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
